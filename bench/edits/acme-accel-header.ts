/**
 * The header every edit of the catch-table starts from: a small DRM accel uAPI in the shape of
 * habanalabs_accel.h (INFO with opcodes and payload structs, CB/CS/WAIT_CS in/out unions, flags,
 * enums, an exported sync-object base, a debug ioctl). It compiles as C90 with only the system's
 * <linux/ioctl.h> and <linux/types.h>, as check-uapi.sh's compile step needs.
 *
 * One legacy flaw is kept on purpose, as real uAPIs have them: `acme_info_clk_throttle` puts a
 * __u64 after a __u32, so it is 12 bytes on i386 and 16 on x86_64. An edit fixes it with
 * __aligned_u64, which moves the field on i386 only.
 */
export const ACME_ACCEL_HEADER_NAME = 'acme_accel.h';

export const ACME_ACCEL_HEADER = `/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * acme_accel.h - uAPI of a small DRM accel driver (benchmark input).
 */
#ifndef ACME_ACCEL_H_
#define ACME_ACCEL_H_

#include <linux/ioctl.h>
#include <linux/types.h>

/* DRM's ioctl type char and first driver command number, as drm.h defines them. */
#define ACME_IOCTL_BASE 'd'
#define ACME_COMMAND_BASE 0x40

/* Sync objects and monitors below these indices are used by the driver itself. */
#define ACME_FIRST_AVAILABLE_SOB 48
#define ACME_FIRST_AVAILABLE_MONITOR 24
#define ACME_MAX_QUEUES 8

enum acme_device_status {
	ACME_DEVICE_STATUS_OPERATIONAL,
	ACME_DEVICE_STATUS_IN_RESET,
	ACME_DEVICE_STATUS_MALFUNCTION,
	ACME_DEVICE_STATUS_LAST = ACME_DEVICE_STATUS_MALFUNCTION
};

enum acme_queue_type {
	ACME_QUEUE_TYPE_NA,
	ACME_QUEUE_TYPE_EXT,
	ACME_QUEUE_TYPE_INT,
	ACME_QUEUE_TYPE_CPU
};

/* INFO opcodes */
#define ACME_INFO_HW_IP_INFO 0
#define ACME_INFO_HW_IDLE 1
#define ACME_INFO_DEVICE_STATUS 2
#define ACME_INFO_CLK_THROTTLE_REASON 3

struct acme_info_hw_ip_info {
	__u64 sram_base_address;
	__u64 dram_base_address;
	__u64 dram_size;
	__u32 sram_size;
	__u32 num_of_events;
	__u32 device_id;
	__u32 reserved0;
	__u32 reserved1;
	__u32 reserved2;
};

struct acme_info_hw_idle {
	__u32 is_idle;
	__u32 busy_engines_mask;
};

struct acme_info_device_status {
	__u32 status;
	__u32 pad;
};

/* Legacy layout: 12 bytes on i386, 16 on x86_64. */
struct acme_info_clk_throttle {
	__u32 clk_throttling_reason;
	__u64 clk_throttling_timestamp_us;
};

struct acme_info_args {
	__u64 return_pointer;
	__u32 return_size;
	__u32 op;
	union {
		__u32 dcore_id;
		__u32 ctx_id;
	};
	__u32 pad;
};

/* CB opcodes */
#define ACME_CB_OP_CREATE 0
#define ACME_CB_OP_DESTROY 1

struct acme_cb_in {
	__u64 cb_handle;
	__u32 op;
	__u32 cb_size;
	__u32 ctx_id;
	__u32 pad;
};

struct acme_cb_out {
	__u64 cb_handle;
};

union acme_cb_args {
	struct acme_cb_in in;
	struct acme_cb_out out;
};

struct acme_cs_chunk {
	__u64 cb_handle;
	__u32 queue_index;
	__u32 cb_size;
};

#define ACME_CS_FLAGS_FORCE_RESTORE 0x1
#define ACME_CS_FLAGS_SIGNAL 0x2
#define ACME_CS_FLAGS_WAIT 0x4

struct acme_cs_in {
	__u64 chunks_execute;
	__u32 num_chunks_execute;
	__u32 cs_flags;
	__u32 ctx_id;
	__u32 pad;
};

struct acme_cs_out {
	__u64 seq;
	__u32 status;
	__u32 pad;
};

union acme_cs_args {
	struct acme_cs_in in;
	struct acme_cs_out out;
};

#define ACME_WAIT_CS_FLAGS_INTERRUPT 0x2

struct acme_wait_cs_in {
	__u64 seq;
	__u64 timeout_us;
	__u32 ctx_id;
	__u32 flags;
	__u64 addr;
	__u32 target;
	__u32 interrupt_timeout_us;
};

#define ACME_WAIT_CS_STATUS_COMPLETED 0
#define ACME_WAIT_CS_STATUS_BUSY 1
#define ACME_WAIT_CS_STATUS_TIMEDOUT 2

struct acme_wait_cs_out {
	__u32 status;
	__u32 pad;
};

union acme_wait_cs_args {
	struct acme_wait_cs_in in;
	struct acme_wait_cs_out out;
};

struct acme_debug_args {
	__u64 input_ptr;
	__u64 output_ptr;
	__u32 input_size;
	__u32 output_size;
	__u32 op;
	__u32 reg_idx;
	__u32 enable;
	__u32 ctx_id;
};

struct acme_notify_args {
	__u32 event_mask;
	__u32 pad;
	__u64 user_data;
};

#define DRM_ACME_INFO 0x00
#define DRM_ACME_CB 0x01
#define DRM_ACME_CS 0x02
#define DRM_ACME_WAIT_CS 0x03
#define DRM_ACME_DEBUG 0x04
#define DRM_ACME_NOTIFY 0x05

#define DRM_IOCTL_ACME_INFO _IOWR(ACME_IOCTL_BASE, ACME_COMMAND_BASE + DRM_ACME_INFO, struct acme_info_args)
#define DRM_IOCTL_ACME_CB _IOWR(ACME_IOCTL_BASE, ACME_COMMAND_BASE + DRM_ACME_CB, union acme_cb_args)
#define DRM_IOCTL_ACME_CS _IOWR(ACME_IOCTL_BASE, ACME_COMMAND_BASE + DRM_ACME_CS, union acme_cs_args)
#define DRM_IOCTL_ACME_WAIT_CS _IOWR(ACME_IOCTL_BASE, ACME_COMMAND_BASE + DRM_ACME_WAIT_CS, union acme_wait_cs_args)
#define DRM_IOCTL_ACME_DEBUG _IOWR(ACME_IOCTL_BASE, ACME_COMMAND_BASE + DRM_ACME_DEBUG, struct acme_debug_args)
#define DRM_IOCTL_ACME_NOTIFY _IOW(ACME_IOCTL_BASE, ACME_COMMAND_BASE + DRM_ACME_NOTIFY, struct acme_notify_args)

#endif /* ACME_ACCEL_H_ */
`;
