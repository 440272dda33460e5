/*
 * A thin habanalabs userspace runtime in C, the shape of the vendor's open one (hl-thunk): one
 * function per operation over ioctl(2), errno on failure. Compiled against a release's header
 * ("uapi.h", emitted from its frozen spec), so it uses only the names every release has.
 */
#ifndef HL_THIN_H
#define HL_THIN_H

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>
#include "uapi.h"

#define HLT_PAGE 4096u

/* 0 or the errno of the call. */
static int hlt_ioctl(int fd, unsigned long request, void *arg)
{
	return ioctl(fd, request, arg) == 0 ? 0 : errno;
}

static int hlt_open(const char *node, int *fd)
{
	*fd = open(node, O_RDWR | O_CLOEXEC);
	return *fd >= 0 ? 0 : errno;
}

static int hlt_info(int fd, __u32 op, void *out, __u32 size)
{
	struct hl_info_args a;
	memset(&a, 0, sizeof a);
	a.op = op;
	a.return_pointer = (__u64)(uintptr_t)out;
	a.return_size = size;
	return hlt_ioctl(fd, DRM_IOCTL_HL_INFO, &a);
}

static int hlt_cb_create(int fd, __u32 size, __u64 *handle)
{
	union hl_cb_args a;
	memset(&a, 0, sizeof a);
	a.in.op = HL_CB_OP_CREATE;
	a.in.cb_size = size;
	int rc = hlt_ioctl(fd, DRM_IOCTL_HL_CB, &a);
	if (rc == 0)
		*handle = a.out.cb_handle;
	return rc;
}

static int hlt_cb_destroy(int fd, __u64 handle)
{
	union hl_cb_args a;
	memset(&a, 0, sizeof a);
	a.in.op = HL_CB_OP_DESTROY;
	a.in.cb_handle = handle;
	return hlt_ioctl(fd, DRM_IOCTL_HL_CB, &a);
}

/* mmap of a command buffer: the offset is its handle, as the driver's mmap expects. */
static void *hlt_cb_map(int fd, __u64 handle, size_t size)
{
	void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, (off_t)handle);
	return p == MAP_FAILED ? NULL : p;
}

static int hlt_mem(int fd, union hl_mem_args *a)
{
	return hlt_ioctl(fd, DRM_IOCTL_HL_MEMORY, a);
}

static int hlt_mem_alloc(int fd, __u64 size, __u64 *handle)
{
	union hl_mem_args a;
	memset(&a, 0, sizeof a);
	a.in.op = HL_MEM_OP_ALLOC;
	a.in.alloc.mem_size = size;
	int rc = hlt_mem(fd, &a);
	if (rc == 0)
		*handle = a.out.handle;
	return rc;
}

static int hlt_mem_free(int fd, __u64 handle)
{
	union hl_mem_args a;
	memset(&a, 0, sizeof a);
	a.in.op = HL_MEM_OP_FREE;
	a.in.free.handle = handle;
	return hlt_mem(fd, &a);
}

static int hlt_map_device(int fd, __u64 handle, __u64 *va)
{
	union hl_mem_args a;
	memset(&a, 0, sizeof a);
	a.in.op = HL_MEM_OP_MAP;
	a.in.map_device.handle = handle;
	int rc = hlt_mem(fd, &a);
	if (rc == 0)
		*va = a.out.device_virt_addr;
	return rc;
}

static int hlt_map_host(int fd, const void *host, __u64 size, __u64 *va)
{
	union hl_mem_args a;
	memset(&a, 0, sizeof a);
	a.in.op = HL_MEM_OP_MAP;
	a.in.flags = HL_MEM_USERPTR;
	a.in.map_host.host_virt_addr = (__u64)(uintptr_t)host;
	a.in.map_host.mem_size = size;
	int rc = hlt_mem(fd, &a);
	if (rc == 0)
		*va = a.out.device_virt_addr;
	return rc;
}

static int hlt_unmap(int fd, __u64 va)
{
	union hl_mem_args a;
	memset(&a, 0, sizeof a);
	a.in.op = HL_MEM_OP_UNMAP;
	a.in.unmap.device_virt_addr = va;
	return hlt_mem(fd, &a);
}

/* One command buffer on one queue; the sequence number of the submission. */
static int hlt_submit(int fd, __u64 cb, __u32 queue, __u32 size, __u64 *seq)
{
	struct hl_cs_chunk chunk;
	union hl_cs_args a;
	memset(&chunk, 0, sizeof chunk);
	memset(&a, 0, sizeof a);
	chunk.cb_handle = cb;
	chunk.queue_index = queue;
	chunk.cb_size = size;
	a.in.chunks_execute = (__u64)(uintptr_t)&chunk;
	a.in.num_chunks_execute = 1;
	int rc = hlt_ioctl(fd, DRM_IOCTL_HL_CS, &a);
	if (rc == 0)
		*seq = a.out.seq;
	return rc;
}

static int hlt_wait(int fd, __u64 seq, __u64 timeout_us, __u32 *status)
{
	union hl_wait_cs_args a;
	memset(&a, 0, sizeof a);
	a.in.seq = seq;
	a.in.timeout_us = timeout_us;
	int rc = hlt_ioctl(fd, DRM_IOCTL_HL_WAIT_CS, &a);
	*status = a.out.status;
	return rc;
}

/* Packets of the emulated queues (emulator/device/packets.ts): little-endian words, opcode in bits 24..28. */
static __u32 *hlt_pkt_lin_dma(__u32 *p, __u64 src, __u64 dst, __u32 size)
{
	*p++ = 0x9u << 24;
	*p++ = size;
	*p++ = (__u32)src;
	*p++ = (__u32)(src >> 32);
	*p++ = (__u32)dst;
	*p++ = (__u32)(dst >> 32);
	return p;
}

static __u32 *hlt_pkt_stop(__u32 *p)
{
	*p++ = 0xbu << 24;
	*p++ = 0;
	return p;
}

#endif
