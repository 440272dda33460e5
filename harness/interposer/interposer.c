/*
 * uapi-harness LD_PRELOAD interposer: an unmodified, dynamically linked program talks to the emulated
 * accelerator core of a Node process as if it were the real device.
 *
 * open()/openat() (and their 64-bit and _FORTIFY_SOURCE variants) of a device node of the emulated
 * core (/dev/accel/accel0, /dev/hl0; the control nodes /dev/accel/accel_controlD0, /dev/hl_controlD0)
 * return a real descriptor (of /dev/null) that stands for the emulated file. ioctl() on it is sent to
 * the Node process, which runs the driver; while it runs, the driver's copy_from_user/copy_to_user
 * become requests back to this library, which reads or writes this process's own memory after
 * checking /proc/self/maps (EFAULT for an unmapped or read-only byte; never a segfault), so user
 * pointers inside argument structs work unchanged. mmap() of the device (command buffers) gives a
 * shared anonymous mapping the Node side mirrors around every call; munmap() and close() release.
 * Everything else passes through untouched.
 *
 * The channel is two FIFOs named by UAPI_INTERPOSER_REQUEST (this side writes) and
 * UAPI_INTERPOSER_REPLY (this side reads), opened on the first device open. Messages are a header of
 * two native-endian u32 (kind, payload length) and the payload; harness/interposer/protocol.ts is
 * the other half and holds the same numbers.
 *
 * Limits: one process (a forked child must not use a descriptor its parent opened), no dup() of a
 * device descriptor, glibc's internal opens (fopen) are not seen, and a signal handler must not make
 * device calls.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

enum {
	MSG_HELLO = 1, MSG_OPEN = 2, MSG_IOCTL = 3, MSG_CLOSE = 4, MSG_MMAP = 5, MSG_MUNMAP = 6,
	MSG_MEMDATA = 16, MSG_MEMRC = 17, MSG_REGION_INFO = 18,
	MSG_DONE = 100, MSG_READ = 101, MSG_WRITE = 102, MSG_REGION = 103, MSG_ACCESS = 104,
};

#define MAX_PAYLOAD (64 * 1024 + 64)
#define MAX_FDS 4096
#define MAX_MAPS 256

struct header { uint32_t kind; uint32_t len; };

static int (*real_open)(const char *, int, ...);
static int (*real_openat)(int, const char *, int, ...);
static int (*real_close)(int);
static int (*real_ioctl)(int, unsigned long, ...);
static void *(*real_mmap)(void *, size_t, int, int, int, off_t);
static int (*real_munmap)(void *, size_t);

static int req_fd = -1, rep_fd = -1;
static pid_t owner;
/* emulated file id + 1 per descriptor; 0 = not a device descriptor */
static uint32_t files[MAX_FDS];
static struct { uintptr_t addr; size_t len; } maps[MAX_MAPS];
static unsigned char buf[MAX_PAYLOAD];

static void fatal(const char *what)
{
	dprintf(2, "uapi-harness interposer: %s (the Node side is gone?); exiting\n", what);
	_exit(70);
}

static void resolve(void)
{
	if (real_open != NULL)
		return;
	real_open = dlsym(RTLD_NEXT, "open");
	real_openat = dlsym(RTLD_NEXT, "openat");
	real_close = dlsym(RTLD_NEXT, "close");
	real_ioctl = dlsym(RTLD_NEXT, "ioctl");
	real_mmap = dlsym(RTLD_NEXT, "mmap");
	real_munmap = dlsym(RTLD_NEXT, "munmap");
}

static void write_all(const void *p, size_t n)
{
	const unsigned char *c = p;
	while (n > 0) {
		ssize_t w = write(req_fd, c, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			fatal("cannot write the request channel");
		c += w;
		n -= (size_t)w;
	}
}

static void read_all(void *p, size_t n)
{
	unsigned char *c = p;
	while (n > 0) {
		ssize_t r = read(rep_fd, c, n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			fatal("the reply channel closed");
		c += r;
		n -= (size_t)r;
	}
}

static void send_msg(uint32_t kind, const void *payload, uint32_t len)
{
	struct header h = { kind, len };
	write_all(&h, sizeof h);
	if (len > 0)
		write_all(payload, len);
}

/* Moves a descriptor of ours above the range programs use, close-on-exec. */
static int high_fd(int fd)
{
	int moved = fcntl(fd, F_DUPFD_CLOEXEC, 900);
	if (moved < 0)
		return fd;
	real_close(fd);
	return moved;
}

static int connect_channel(void)
{
	if (req_fd >= 0) {
		if (getpid() != owner) {
			errno = EIO;
			return -1;
		}
		return 0;
	}
	const char *req = getenv("UAPI_INTERPOSER_REQUEST");
	const char *rep = getenv("UAPI_INTERPOSER_REPLY");
	if (req == NULL || rep == NULL) {
		dprintf(2, "uapi-harness interposer: UAPI_INTERPOSER_REQUEST/UAPI_INTERPOSER_REPLY not set: run the program with `uapi` (no emulated device)\n");
		errno = ENOENT;
		return -1;
	}
	req_fd = real_open(req, O_WRONLY | O_CLOEXEC);
	if (req_fd < 0)
		fatal("cannot open the request channel");
	req_fd = high_fd(req_fd);
	uint32_t hello[2] = { (uint32_t)sizeof(void *), (uint32_t)getpid() };
	send_msg(MSG_HELLO, hello, sizeof hello);
	rep_fd = real_open(rep, O_RDONLY | O_CLOEXEC);
	if (rep_fd < 0)
		fatal("cannot open the reply channel");
	rep_fd = high_fd(rep_fd);
	owner = getpid();
	return 0;
}

/* Whether [addr, addr+len) is mapped readable (and writable, when asked), from /proc/self/maps. */
static char maps_text[256 * 1024];

static int range_ok(uint64_t addr, uint64_t len, int write)
{
	if (len == 0)
		return 1;
	if (addr + len < addr || addr + len - 1 > (uint64_t)UINTPTR_MAX)
		return 0;
	int fd = real_open("/proc/self/maps", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	size_t n = 0;
	ssize_t r;
	while (n < sizeof maps_text - 1 && (r = read(fd, maps_text + n, sizeof maps_text - 1 - n)) > 0)
		n += (size_t)r;
	real_close(fd);
	maps_text[n] = '\0';
	uint64_t at = addr, end = addr + len;
	char *line = maps_text;
	/* Lines are in address order: one pass, each mapping must start where the last one ended. */
	while (at < end && line != NULL && *line != '\0') {
		unsigned long long s, e;
		char perms[5];
		char *next = strchr(line, '\n');
		if (sscanf(line, "%llx-%llx %4s", &s, &e, perms) == 3 && at >= s && at < e) {
			if (perms[0] != 'r' || (write && perms[1] != 'w'))
				return 0;
			at = e;
		} else if (sscanf(line, "%llx-", &s) == 1 && s > at) {
			return 0;
		}
		line = next != NULL ? next + 1 : NULL;
	}
	return at >= end;
}

/* The mapping holding addr: start, end and permissions (bit 0 read, bit 1 write); 0 when none. */
static int region_of(uint64_t addr, uint64_t out[3])
{
	if (!range_ok(addr, 1, 0))
		return 0;
	char *line = maps_text; /* filled by range_ok */
	while (line != NULL && *line != '\0') {
		unsigned long long s, e;
		char perms[5];
		if (sscanf(line, "%llx-%llx %4s", &s, &e, perms) == 3 && addr >= s && addr < e) {
			out[0] = s;
			out[1] = e;
			out[2] = (perms[0] == 'r' ? 1u : 0u) | (perms[1] == 'w' ? 2u : 0u);
			return 1;
		}
		char *next = strchr(line, '\n');
		line = next != NULL ? next + 1 : NULL;
	}
	return 0;
}

/* Answers the Node side's memory requests until it says the call is done: its result. */
static int64_t serve_until_done(void)
{
	for (;;) {
		struct header h;
		read_all(&h, sizeof h);
		if (h.len > MAX_PAYLOAD)
			fatal("oversized message");
		read_all(buf, h.len);
		uint64_t addr, len;
		int32_t rc;
		switch (h.kind) {
		case MSG_DONE: {
			int64_t v;
			memcpy(&v, buf, sizeof v);
			return v;
		}
		case MSG_READ: {
			uint32_t n;
			memcpy(&addr, buf, 8);
			memcpy(&n, buf + 8, 4);
			if (n > MAX_PAYLOAD - 8)
				fatal("oversized read");
			rc = range_ok(addr, n, 0) ? 0 : EFAULT;
			memcpy(buf, &rc, 4);
			if (rc == 0)
				memcpy(buf + 4, (const void *)(uintptr_t)addr, n);
			send_msg(MSG_MEMDATA, buf, rc == 0 ? 4 + n : 4);
			break;
		}
		case MSG_WRITE: {
			uint32_t n;
			memcpy(&addr, buf, 8);
			memcpy(&n, buf + 8, 4);
			rc = n <= h.len - 12 && range_ok(addr, n, 1) ? 0 : EFAULT;
			if (rc == 0)
				memcpy((void *)(uintptr_t)addr, buf + 12, n);
			send_msg(MSG_MEMRC, &rc, 4);
			break;
		}
		case MSG_ACCESS: {
			uint32_t w;
			memcpy(&addr, buf, 8);
			memcpy(&len, buf + 8, 8);
			memcpy(&w, buf + 16, 4);
			rc = range_ok(addr, len, w != 0) ? 0 : EFAULT;
			send_msg(MSG_MEMRC, &rc, 4);
			break;
		}
		case MSG_REGION: {
			uint64_t out[4] = { 0, 0, 0, 0 };
			memcpy(&addr, buf, 8);
			out[3] = region_of(addr, out) ? 1 : 0;
			send_msg(MSG_REGION_INFO, out, sizeof out);
			break;
		}
		default:
			fatal("unknown message");
		}
	}
}

/* Sends one device call and serves memory requests until its result; sets errno on failure. */
static long call(uint32_t kind, const void *payload, uint32_t len)
{
	send_msg(kind, payload, len);
	int64_t v = serve_until_done();
	if (v < 0) {
		errno = (int)-v;
		return -1;
	}
	return (long)v;
}

/* 0 compute node, 1 control node, -1 not a node of the emulated device. */
static int node_kind(const char *path)
{
	if (path == NULL)
		return -1;
	if (strcmp(path, "/dev/accel/accel0") == 0 || strcmp(path, "/dev/hl0") == 0)
		return 0;
	if (strcmp(path, "/dev/accel/accel_controlD0") == 0 || strcmp(path, "/dev/hl_controlD0") == 0)
		return 1;
	return -1;
}

static int device_open(int kind, int flags)
{
	if (connect_channel() != 0)
		return -1;
	uint32_t mode = (uint32_t)kind;
	long id = call(MSG_OPEN, &mode, sizeof mode);
	if (id < 0)
		return -1;
	int fd = real_open("/dev/null", O_RDWR | (flags & O_CLOEXEC));
	if (fd < 0 || fd >= MAX_FDS) {
		uint32_t f = (uint32_t)id;
		call(MSG_CLOSE, &f, sizeof f);
		if (fd >= 0)
			real_close(fd);
		errno = EMFILE;
		return -1;
	}
	files[fd] = (uint32_t)id + 1;
	return fd;
}

static int is_device(int fd)
{
	return fd >= 0 && fd < MAX_FDS && files[fd] != 0;
}

static int open_common(int dirfd, const char *path, int flags, mode_t mode, int at)
{
	resolve();
	int kind = node_kind(path);
	if (kind >= 0 && getenv("UAPI_INTERPOSER_REQUEST") != NULL)
		return device_open(kind, flags);
	return at ? real_openat(dirfd, path, flags, mode) : real_open(path, flags, mode);
}

static mode_t mode_arg(int flags, va_list ap)
{
	return (flags & O_CREAT) || (flags & __O_TMPFILE) == __O_TMPFILE ? (mode_t)va_arg(ap, int) : 0;
}

int open(const char *path, int flags, ...)
{
	va_list ap;
	va_start(ap, flags);
	mode_t m = mode_arg(flags, ap);
	va_end(ap);
	return open_common(AT_FDCWD, path, flags, m, 0);
}

int open64(const char *path, int flags, ...)
{
	va_list ap;
	va_start(ap, flags);
	mode_t m = mode_arg(flags, ap);
	va_end(ap);
	return open_common(AT_FDCWD, path, flags | O_LARGEFILE, m, 0);
}

int openat(int dirfd, const char *path, int flags, ...)
{
	va_list ap;
	va_start(ap, flags);
	mode_t m = mode_arg(flags, ap);
	va_end(ap);
	return open_common(dirfd, path, flags, m, 1);
}

int openat64(int dirfd, const char *path, int flags, ...)
{
	va_list ap;
	va_start(ap, flags);
	mode_t m = mode_arg(flags, ap);
	va_end(ap);
	return open_common(dirfd, path, flags | O_LARGEFILE, m, 1);
}

/* _FORTIFY_SOURCE routes open() without a mode through these. */
int __open_2(const char *path, int flags) { return open_common(AT_FDCWD, path, flags, 0, 0); }
int __open64_2(const char *path, int flags) { return open_common(AT_FDCWD, path, flags | O_LARGEFILE, 0, 0); }
int __openat_2(int dirfd, const char *path, int flags) { return open_common(dirfd, path, flags, 0, 1); }
int __openat64_2(int dirfd, const char *path, int flags) { return open_common(dirfd, path, flags | O_LARGEFILE, 0, 1); }

int ioctl(int fd, unsigned long request, ...)
{
	va_list ap;
	va_start(ap, request);
	void *arg = va_arg(ap, void *);
	va_end(ap);
	resolve();
	if (!is_device(fd))
		return real_ioctl(fd, request, arg);
	if (connect_channel() != 0)
		return -1;
	unsigned char p[24];
	uint32_t id = files[fd] - 1, zero = 0;
	uint64_t req = (uint64_t)(uint32_t)request, a = (uint64_t)(uintptr_t)arg;
	memcpy(p, &id, 4);
	memcpy(p + 4, &zero, 4);
	memcpy(p + 8, &req, 8);
	memcpy(p + 16, &a, 8);
	return (int)call(MSG_IOCTL, p, sizeof p);
}

int close(int fd)
{
	resolve();
	if (is_device(fd) && connect_channel() == 0) {
		uint32_t id = files[fd] - 1;
		files[fd] = 0;
		call(MSG_CLOSE, &id, sizeof id);
	}
	return real_close(fd);
}

static void *device_mmap(void *addr, size_t len, int prot, int flags, int fd, uint64_t offset)
{
	if (connect_channel() != 0)
		return MAP_FAILED;
	int slot = -1;
	for (int i = 0; i < MAX_MAPS; i++)
		if (maps[i].len == 0) {
			slot = i;
			break;
		}
	if (slot < 0) {
		errno = ENOMEM;
		return MAP_FAILED;
	}
	void *m = real_mmap(addr, len, prot, (flags & ~MAP_PRIVATE) | MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED)
		return m;
	unsigned char p[32];
	uint32_t id = files[fd] - 1, zero = 0;
	uint64_t l = len, at = (uint64_t)(uintptr_t)m;
	memcpy(p, &id, 4);
	memcpy(p + 4, &zero, 4);
	memcpy(p + 8, &offset, 8);
	memcpy(p + 16, &l, 8);
	memcpy(p + 24, &at, 8);
	if (call(MSG_MMAP, p, sizeof p) < 0) {
		int e = errno;
		real_munmap(m, len);
		errno = e;
		return MAP_FAILED;
	}
	maps[slot].addr = (uintptr_t)m;
	maps[slot].len = len;
	return m;
}

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t offset)
{
	resolve();
	if (!is_device(fd))
		return real_mmap(addr, len, prot, flags, fd, offset);
	return device_mmap(addr, len, prot, flags, fd, (uint64_t)offset);
}

/* _FILE_OFFSET_BITS=64 programs call mmap64 (on 64-bit ABIs too). */
void *mmap64(void *addr, size_t len, int prot, int flags, int fd, off64_t offset)
{
	static void *(*real_mmap64)(void *, size_t, int, int, int, off64_t);
	resolve();
	if (real_mmap64 == NULL)
		real_mmap64 = dlsym(RTLD_NEXT, "mmap64");
	if (!is_device(fd))
		return real_mmap64(addr, len, prot, flags, fd, offset);
	return device_mmap(addr, len, prot, flags, fd, (uint64_t)offset);
}

int munmap(void *addr, size_t len)
{
	resolve();
	for (int i = 0; i < MAX_MAPS; i++) {
		if (maps[i].len != 0 && maps[i].addr == (uintptr_t)addr) {
			uint64_t at = (uint64_t)(uintptr_t)addr;
			maps[i].len = 0;
			if (connect_channel() == 0)
				call(MSG_MUNMAP, &at, sizeof at);
			break;
		}
	}
	return real_munmap(addr, len);
}
