/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The native executor of uapi-harness: one real process per `Process` of the harness. It makes the
 * system calls a driver's userspace makes (mmap, open, ioctl, close) on the harness's behalf and
 * copies bytes in and out of its own memory, so that a real kernel driver sees a real caller.
 *
 * Protocol (host byte order, one request at a time, stdin -> stdout, see native-protocol.ts):
 *   request:  u32 op, u32 payload length, payload
 *   response: s32 errno (0 or a positive errno), u32 payload length, s64 value, payload
 * Nothing is ever printed: a malformed request ends the process (the harness sees EOF).
 *
 * Every request runs under alarm(timeout): an operation the kernel blocks forever (a fault on a
 * userfaultfd-registered page nobody resolves, an ioctl that waits) kills the executor instead of
 * hanging the harness, which reads EOF and reports the process gone.
 *
 * Build: cc -O2 -o executor executor.c   (compiled by the harness on first use, cached by content)
 * Run:   executor TIMEOUT_SECONDS, stdin and stdout bound to the harness's two FIFOs.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

/* Answered to OP_HELLO: the harness refuses an executor that speaks another protocol. */
#define GREETING "uapi-executor 1"

enum op {
	OP_HELLO = 0,
	OP_MAP = 1,
	OP_UNMAP = 2,
	OP_WRITE = 3,
	OP_READ = 4,
	OP_OPEN = 5,
	OP_IOCTL = 6,
	OP_CLOSE = 7,
	OP_EXIT = 8,
};

/* Largest payload either way: larger copies are split by the harness. */
#define MAX_PAYLOAD (64u << 20)
#define MAX_MAPPINGS 4096

struct mapping {
	uintptr_t user;  /* the address the harness sees */
	uintptr_t base;  /* the first guard page */
	size_t total;    /* both guard pages included */
};

static struct mapping mappings[MAX_MAPPINGS];
static size_t page_size;
static unsigned timeout_seconds = 10;

/* Reads exactly n bytes; returns 0 on end of input or error (the harness is gone). */
static int read_all(void *buf, size_t n)
{
	char *p = buf;
	while (n > 0) {
		ssize_t r = read(0, p, n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return 0;
		p += r;
		n -= (size_t)r;
	}
	return 1;
}

static void write_all(const void *buf, size_t n)
{
	const char *p = buf;
	while (n > 0) {
		ssize_t w = write(1, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			_exit(3); /* the harness is gone */
		p += w;
		n -= (size_t)w;
	}
}

static void respond(int32_t err, int64_t value, const void *payload, uint32_t length)
{
	unsigned char head[16];
	memcpy(head, &err, 4);
	memcpy(head + 4, &length, 4);
	memcpy(head + 8, &value, 8);
	write_all(head, sizeof head);
	if (length > 0)
		write_all(payload, length);
}

static uint64_t u64_at(const unsigned char *p) { uint64_t v; memcpy(&v, p, 8); return v; }
static uint32_t u32_at(const unsigned char *p) { uint32_t v; memcpy(&v, p, 4); return v; }

/* Copies through the kernel (process_vm_*v on itself), so an unmapped or read-only byte gives EFAULT
 * instead of a crash, exactly as copy_to_user/copy_from_user would see it. */
static int copy_self(void *local, uintptr_t remote, size_t n, int to_remote)
{
	struct iovec l = { local, n }, r = { (void *)remote, n };
	ssize_t done = to_remote ? process_vm_writev(getpid(), &l, 1, &r, 1, 0)
				 : process_vm_readv(getpid(), &l, 1, &r, 1, 0);
	if (done < 0)
		return errno;
	return (size_t)done == n ? 0 : EFAULT;
}

static void op_map(const unsigned char *p, uint32_t n)
{
	if (n < 12) { respond(EINVAL, 0, 0, 0); return; }
	uint64_t length = u64_at(p);
	uint32_t writable = u32_at(p + 8);
	size_t slot;
	for (slot = 0; slot < MAX_MAPPINGS && mappings[slot].user != 0; slot++)
		;
	if (slot == MAX_MAPPINGS) { respond(ENOMEM, 0, 0, 0); return; }
	if (length == 0 || length > ((uint64_t)1 << 40)) { respond(EINVAL, 0, 0, 0); return; }
	size_t body = (size_t)((length + page_size - 1) / page_size * page_size);
	size_t total = body + 2 * page_size;
	/* The whole span PROT_NONE first, then the body opened: the pages either side stay guards. */
	void *base = mmap(0, total, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (base == MAP_FAILED) { respond(errno, 0, 0, 0); return; }
	char *user = (char *)base + page_size;
	if (mprotect(user, body, writable ? PROT_READ | PROT_WRITE : PROT_READ) != 0) {
		int e = errno;
		munmap(base, total);
		respond(e, 0, 0, 0);
		return;
	}
	mappings[slot] = (struct mapping){ (uintptr_t)user, (uintptr_t)base, total };
	respond(0, (int64_t)(uintptr_t)user, 0, 0);
}

static void op_unmap(const unsigned char *p, uint32_t n)
{
	if (n < 8) { respond(EINVAL, 0, 0, 0); return; }
	uintptr_t user = (uintptr_t)u64_at(p);
	for (size_t i = 0; i < MAX_MAPPINGS; i++) {
		if (mappings[i].user == user && user != 0) {
			int r = munmap((void *)mappings[i].base, mappings[i].total);
			mappings[i].user = 0;
			respond(r == 0 ? 0 : errno, 0, 0, 0);
			return;
		}
	}
	respond(EINVAL, 0, 0, 0);
}

static void op_write(unsigned char *p, uint32_t n)
{
	if (n < 8) { respond(EINVAL, 0, 0, 0); return; }
	respond(copy_self(p + 8, (uintptr_t)u64_at(p), n - 8, 1), 0, 0, 0);
}

static void op_read(const unsigned char *p, uint32_t n)
{
	if (n < 16) { respond(EINVAL, 0, 0, 0); return; }
	uint64_t length = u64_at(p + 8);
	if (length > MAX_PAYLOAD) { respond(EINVAL, 0, 0, 0); return; }
	unsigned char *out = malloc(length ? length : 1);
	if (out == 0) { respond(ENOMEM, 0, 0, 0); return; }
	int e = copy_self(out, (uintptr_t)u64_at(p), length, 0);
	if (e != 0)
		respond(e, 0, 0, 0);
	else
		respond(0, 0, out, (uint32_t)length);
	free(out);
}

static void op_open(unsigned char *p, uint32_t n)
{
	if (n < 9) { respond(EINVAL, 0, 0, 0); return; }
	int flags = (int)u32_at(p);
	if (p[n - 1] != 0) /* the harness sends the path NUL-terminated */ { respond(EINVAL, 0, 0, 0); return; }
	int fd = open((const char *)p + 8, O_RDWR | O_CLOEXEC | flags);
	respond(fd < 0 ? errno : 0, fd < 0 ? -1 : fd, 0, 0);
}

static void op_ioctl(const unsigned char *p, uint32_t n)
{
	if (n < 24) { respond(EINVAL, 0, 0, 0); return; }
	int fd = (int)u32_at(p);
	unsigned long request = (unsigned long)u64_at(p + 8);
	unsigned long arg = (unsigned long)u64_at(p + 16);
	long r = syscall(SYS_ioctl, fd, request, arg);
	respond(r < 0 ? errno : 0, r < 0 ? -1 : r, 0, 0);
}

static void op_close(const unsigned char *p, uint32_t n)
{
	if (n < 4) { respond(EINVAL, 0, 0, 0); return; }
	int r = close((int)u32_at(p));
	respond(r < 0 ? errno : 0, 0, 0, 0);
}

int main(int argc, char **argv)
{
	/* `executor mkfifo PATH...`: the harness's two FIFOs, made by the program it already has. */
	if (argc > 1 && strcmp(argv[1], "mkfifo") == 0) {
		for (int i = 2; i < argc; i++)
			if (mkfifo(argv[i], 0600) != 0)
				return 1;
		return 0;
	}
	/*
	 * Ends with the harness. Its fd 0 is opened read-write on the requests FIFO, so it is itself a
	 * writer and never sees end of file: a Node process that exits without closing the channel (the
	 * suite's pooled executors live as long as it) would leave it blocked in read() forever.
	 */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() == 1)
		return 0;
	if (argc > 1)
		timeout_seconds = (unsigned)strtoul(argv[1], 0, 10);
	page_size = (size_t)sysconf(_SC_PAGESIZE);
	/* The default actions are what the harness relies on: SIGALRM and SIGPIPE end the process. */
	signal(SIGALRM, SIG_DFL);
	signal(SIGPIPE, SIG_DFL);
	for (;;) {
		unsigned char head[8];
		if (!read_all(head, sizeof head))
			return 0;
		uint32_t op = u32_at(head), n = u32_at(head + 4);
		if (n > MAX_PAYLOAD + 64)
			return 4;
		unsigned char *p = malloc(n ? n : 1);
		if (p == 0 || !read_all(p, n))
			return 4;
		if (timeout_seconds > 0)
			alarm(timeout_seconds);
		switch (op) {
		case OP_HELLO: respond(0, (int64_t)page_size, GREETING, sizeof GREETING - 1); break;
		case OP_MAP: op_map(p, n); break;
		case OP_UNMAP: op_unmap(p, n); break;
		case OP_WRITE: op_write(p, n); break;
		case OP_READ: op_read(p, n); break;
		case OP_OPEN: op_open(p, n); break;
		case OP_IOCTL: op_ioctl(p, n); break;
		case OP_CLOSE: op_close(p, n); break;
		case OP_EXIT: respond(0, 0, 0, 0); free(p); return 0;
		default: respond(ENOSYS, 0, 0, 0); break;
		}
		alarm(0);
		free(p);
	}
}
