/*
 * Old userspace, really compiled: the thin runtime's tests, built against a frozen release's header
 * and run unmodified (through the LD_PRELOAD interposer) on the current emulated core.
 *
 * Each call prints one line, `<subtest>\t<call>\t<result>`, where the result is `ok` or the errno's
 * name, then the outputs the release's contract fixes (status words, sizes, whether data came back).
 * Negative subtests change one field of a valid call (IGT style) and print the errno they got; which
 * errno is right is the golden results' business, not this program's. Only inputs whose answer a
 * release fixes for good are probed: no non-zero pad, unknown flag or unknown opcode, which a later
 * release may give a meaning.
 */
#include <stdio.h>
#include <stdlib.h>
#include "hl-thin.h"

static const char *subtest = "";

static const char *errname(int e)
{
	switch (e) {
	case 0: return "ok";
	case EPERM: return "EPERM";
	case ENOENT: return "ENOENT";
	case EINTR: return "EINTR";
	case EIO: return "EIO";
	case E2BIG: return "E2BIG";
	case EBADF: return "EBADF";
	case EAGAIN: return "EAGAIN";
	case ENOMEM: return "ENOMEM";
	case EFAULT: return "EFAULT";
	case EBUSY: return "EBUSY";
	case ENODEV: return "ENODEV";
	case EINVAL: return "EINVAL";
	case ENOTTY: return "ENOTTY";
	case ENOSPC: return "ENOSPC";
	case ERANGE: return "ERANGE";
	case EOPNOTSUPP: return "EOPNOTSUPP";
	case ETIMEDOUT: return "ETIMEDOUT";
	default: {
		static char buf[32];
		snprintf(buf, sizeof buf, "errno%d", e);
		return buf;
	}
	}
}

/*
 * Prints the call's line; `fmt` (printf-style) follows the result when the call succeeded. Its
 * arguments are evaluated before the call in an argument list would be: make the call first.
 */
static int report(const char *call, int rc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
#include <stdarg.h>
static int report(const char *call, int rc, const char *fmt, ...)
{
	printf("%s\t%s\t%s", subtest, call, errname(rc));
	if (rc == 0 && fmt != NULL && fmt[0] != '\0') {
		va_list ap;
		va_start(ap, fmt);
		putchar(' ');
		vprintf(fmt, ap);
		va_end(ap);
	}
	putchar('\n');
	fflush(stdout);
	return rc;
}

/* An address no mapping holds: the middle page of three, unmapped. */
static void *unmapped_page(void)
{
	unsigned char *p = mmap(NULL, 3 * HLT_PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return NULL;
	munmap(p + HLT_PAGE, HLT_PAGE);
	return p + HLT_PAGE;
}

static void *page_buffer(size_t size)
{
	void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	return p == MAP_FAILED ? NULL : p;
}

static void info_queries(int fd)
{
	subtest = "info";
	int rc;
	struct hl_info_hw_ip_info hw;
	memset(&hw, 0, sizeof hw);
	rc = hlt_info(fd, HL_INFO_HW_IP_INFO, &hw, sizeof hw);
	report("INFO(HW_IP_INFO)", rc,
	       "device_id=%u sram_size=%u dram_size=%llu dram_enabled=%u", hw.device_id, hw.sram_size,
	       (unsigned long long)hw.dram_size, hw.dram_enabled);
	struct hl_info_device_status st;
	memset(&st, 0, sizeof st);
	rc = hlt_info(fd, HL_INFO_DEVICE_STATUS, &st, sizeof st);
	report("INFO(DEVICE_STATUS)", rc, "status=%u", st.status);
	struct hl_info_hw_idle idle;
	memset(&idle, 0, sizeof idle);
	rc = hlt_info(fd, HL_INFO_HW_IDLE, &idle, sizeof idle);
	report("INFO(HW_IDLE)", rc, "is_idle=%u", idle.is_idle);
	struct hl_info_dram_usage du;
	memset(&du, 0, sizeof du);
	rc = hlt_info(fd, HL_INFO_DRAM_USAGE, &du, sizeof du);
	report("INFO(DRAM_USAGE)", rc, "ctx_dram_mem=%llu",
	       (unsigned long long)du.ctx_dram_mem);
	/* A short answer buffer: the driver writes only what the caller asked for. */
	unsigned char small[8];
	memset(small, 0xa5, sizeof small);
	rc = hlt_info(fd, HL_INFO_HW_IP_INFO, small, 4);
	report("INFO(HW_IP_INFO, return_size=4)", rc, "untouched_tail=%s",
	       small[4] == 0xa5 && small[7] == 0xa5 ? "yes" : "no");
}

static void info_negative(int fd)
{
	subtest = "info-bad-return-pointer";
	report("INFO(HW_IP_INFO)", hlt_info(fd, HL_INFO_HW_IP_INFO, unmapped_page(), sizeof(struct hl_info_hw_ip_info)), NULL);
	subtest = "info-unreadable-argument";
	report("INFO", hlt_ioctl(fd, DRM_IOCTL_HL_INFO, unmapped_page()), NULL);
}

/* Creates a CB and maps it; the CB's handle, or 0. */
static __u64 cb_lifecycle(int fd)
{
	subtest = "cb";
	__u64 h = 0;
	int rc = hlt_cb_create(fd, HLT_PAGE, &h);
	if (report("CB(CREATE, 4096)", rc, "handle_nonzero=%s", h != 0 ? "yes" : "no") != 0)
		return 0;
	__u64 tmp = 0;
	report("CB(CREATE, 4096) second", hlt_cb_create(fd, HLT_PAGE, &tmp), NULL);
	report("CB(DESTROY) second", hlt_cb_destroy(fd, tmp), NULL);
	subtest = "cb-destroy-stale-handle";
	report("CB(DESTROY)", hlt_cb_destroy(fd, tmp), NULL);
	subtest = "cb-create-size-zero";
	report("CB(CREATE, 0)", hlt_cb_create(fd, 0, &tmp), NULL);
	subtest = "cb-create-size-too-big";
	report("CB(CREATE, HL_MAX_CB_SIZE + 4096)", hlt_cb_create(fd, HL_MAX_CB_SIZE + HLT_PAGE, &tmp), NULL);
	subtest = "cb-unreadable-argument";
	report("CB", hlt_ioctl(fd, DRM_IOCTL_HL_CB, unmapped_page()), NULL);
	return h;
}

/* Host buffer → device memory → host buffer with two LIN_DMA packets; whether the bytes came back. */
static void dma_roundtrip(int fd, __u64 cb)
{
	subtest = "dma-roundtrip";
	const size_t size = 2 * HLT_PAGE;
	unsigned char *src = page_buffer(size), *dst = page_buffer(size);
	if (src == NULL || dst == NULL)
		return;
	for (size_t i = 0; i < size; i++)
		src[i] = (unsigned char)(i * 7 + 3);
	__u64 src_va = 0, dst_va = 0, mem = 0, dev_va = 0, seq = 0;
	__u32 status = 0;
	if (report("MEMORY(MAP, USERPTR) source", hlt_map_host(fd, src, size, &src_va), NULL) != 0 ||
	    report("MEMORY(MAP, USERPTR) destination", hlt_map_host(fd, dst, size, &dst_va), NULL) != 0)
		return;
	int rc = hlt_mem_alloc(fd, size, &mem);
	if (report("MEMORY(ALLOC)", rc, "handle_nonzero=%s", mem != 0 ? "yes" : "no") != 0 ||
	    report("MEMORY(MAP) device", hlt_map_device(fd, mem, &dev_va), NULL) != 0)
		return;
	__u32 *words = hlt_cb_map(fd, cb, HLT_PAGE);
	report("mmap(CB)", words != NULL ? 0 : errno, NULL);
	if (words == NULL)
		return;
	__u32 *p = hlt_pkt_lin_dma(words, src_va, dev_va, (__u32)size);
	p = hlt_pkt_lin_dma(p, dev_va, dst_va, (__u32)size);
	p = hlt_pkt_stop(p);
	__u32 stream = (__u32)((unsigned char *)p - (unsigned char *)words);
	rc = hlt_submit(fd, cb, 0, stream, &seq);
	if (report("CS(queue 0)", rc, "seq_nonzero=%s", seq != 0 ? "yes" : "no") != 0)
		return;
	rc = hlt_wait(fd, seq, 1000000, &status);
	report("WAIT_CS", rc, "status=%u", status);
	report("data", memcmp(src, dst, size) == 0 ? 0 : EIO, "same_bytes=yes");

	subtest = "wait-cs-future-seq";
	rc = hlt_wait(fd, seq + 1000, 1000, &status);
	report("WAIT_CS", rc, "status=%u", status);
	subtest = "cs-unknown-cb-handle";
	report("CS", hlt_submit(fd, cb + 0x1000, 0, stream, &seq), NULL);
	subtest = "cs-cb-size-beyond-buffer";
	report("CS", hlt_submit(fd, cb, 0, 2 * HLT_PAGE, &seq), NULL);
	subtest = "cs-bad-chunks-pointer";
	{
		union hl_cs_args a;
		memset(&a, 0, sizeof a);
		a.in.chunks_execute = (__u64)(uintptr_t)unmapped_page();
		a.in.num_chunks_execute = 1;
		report("CS", hlt_ioctl(fd, DRM_IOCTL_HL_CS, &a), NULL);
	}
	subtest = "cs-too-many-chunks";
	{
		union hl_cs_args a;
		memset(&a, 0, sizeof a);
		a.in.chunks_execute = (__u64)(uintptr_t)src;
		a.in.num_chunks_execute = HL_MAX_JOBS_PER_CS + 1;
		report("CS", hlt_ioctl(fd, DRM_IOCTL_HL_CS, &a), NULL);
	}

	subtest = "memory-teardown";
	report("MEMORY(UNMAP) device", hlt_unmap(fd, dev_va), NULL);
	report("MEMORY(UNMAP) source", hlt_unmap(fd, src_va), NULL);
	report("MEMORY(UNMAP) destination", hlt_unmap(fd, dst_va), NULL);
	report("MEMORY(FREE)", hlt_mem_free(fd, mem), NULL);
	subtest = "memory-free-stale-handle";
	report("MEMORY(FREE)", hlt_mem_free(fd, mem), NULL);
	subtest = "memory-unmap-unknown-va";
	report("MEMORY(UNMAP)", hlt_unmap(fd, dev_va), NULL);
	subtest = "memory-alloc-size-zero";
	report("MEMORY(ALLOC, 0)", hlt_mem_alloc(fd, 0, &mem), NULL);
	subtest = "memory-map-host-unmapped";
	report("MEMORY(MAP, USERPTR)", hlt_map_host(fd, unmapped_page(), HLT_PAGE, &src_va), NULL);
	munmap(words, HLT_PAGE);
}

int main(int argc, char **argv)
{
	const char *node = argc > 1 ? argv[1] : "/dev/accel/accel0";
	int fd = -1, second = -1;
	subtest = "open";
	if (report("open(compute)", hlt_open(node, &fd), NULL) != 0)
		return 1;
	report("open(compute) again", hlt_open(node, &second), NULL);
	if (second >= 0)
		close(second);
	info_queries(fd);
	info_negative(fd);
	__u64 cb = cb_lifecycle(fd);
	if (cb != 0) {
		dma_roundtrip(fd, cb);
		subtest = "cb";
		report("CB(DESTROY)", hlt_cb_destroy(fd, cb), NULL);
	}
	subtest = "close";
	report("close", close(fd) == 0 ? 0 : errno, NULL);
	return 0;
}
