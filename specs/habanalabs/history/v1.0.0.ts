import { anonymous, array, constants, defineSpec, enumeration, field, flags, ioctl, struct, u32, u64, u8, union, values } from 'uapi-harness/dsl';
import { goya_queue_id } from './shared/asic-goya';
import { hlCsStatus } from './shared/cs';
import { hl_info_device_status, hl_info_dram_usage } from './shared/info-device';
import { HL_INFO_VERSION_MAX_LEN, HL_MAX_CB_SIZE, HL_MAX_JOBS_PER_CS, GOYA_KMD_SRAM_RESERVED_SIZE_FROM_START } from './shared/limits';
import { hlWaitCsStatus } from './shared/wait-cs';
import {
  cbErrno, csErrno, DRM_COMMAND_BASE, drmSizeTolerant, HL_IOCTL_CB, HL_IOCTL_CS, HL_IOCTL_INFO, HL_IOCTL_MEMORY,
  HL_IOCTL_WAIT_CS, infoErrno, memoryErrno, waitCsErrno,
} from './dispatch';

/**
 * habanalabs 1.0.0, the first release: the shape of the uAPI when the driver entered Linux 5.1
 * (Goya only). Five ioctls, INFO with five opcodes, every argument struct with its pad still pad.
 *
 * Kernel pattern modelled: the initial uAPI. How it differs from the real 5.1 header, and why:
 * - numbering is 6.12's ('d', 0x40 + index, size-tolerant) throughout the history (see dispatch.ts);
 * - names are the final ones: 5.10 renamed armcp_* to cpucp_* at the same bytes, a change for the
 *   compiler only, and modelling it would make a step source-breaking rather than compatible;
 * - HL_WAIT_CS_STATUS_INTERRUPTED (4) is left out: its removal in 5.15 broke binaries that tested
 *   for it, replayed in harness/contract/release/real-breaks.test.ts rather than frozen into the history;
 * - hl_cs_in's chunks_store/num_chunks_store, which no driver ever read, are declared reserved, so
 *   that 1.3.0 giving them their later meanings (staged submissions, custom timeout) is a pad given a
 *   meaning; the tail padding the header left implicit is the explicit pad[4] it got later.
 */

// --- INFO -------------------------------------------------------------------------------------

/** 200 bytes: the reserved words that 5.10 gives meanings, and no card name yet. */
export const hl_info_hw_ip_info = struct('hl_info_hw_ip_info', {
  sram_base_address: u64.doc('First SRAM physical address free for the user.'),
  dram_base_address: u64.doc('First DRAM virtual address free for the user.'),
  dram_size: u64.doc('DRAM size available to the user.'),
  sram_size: u32.doc('SRAM size available to the user.'),
  num_of_events: u32.doc('Length of the HL_INFO_HW_EVENTS array, in __u32 counters.'),
  device_id: u32.doc('PCI device id.'),
  reserved: array(u32, 3).reserved(),
  cpld_version: u32,
  psoc_pci_pll_nr: u32,
  psoc_pci_pll_nf: u32,
  psoc_pci_pll_od: u32,
  psoc_pci_pll_div_factor: u32,
  tpc_enabled_mask: u8,
  dram_enabled: u8,
  pad: array(u8, 2).pad(),
  cpucp_version: array(u8, HL_INFO_VERSION_MAX_LEN).doc('Firmware version string, NUL-terminated.'),
}, { doc: 'HL_INFO_HW_IP_INFO: the device and its IP blocks.' });

/** 8 bytes: only whether the device is idle. */
export const hl_info_hw_idle = struct('hl_info_hw_idle', {
  is_idle: u32,
  pad: u32.pad(),
}, { doc: 'HL_INFO_HW_IDLE: whether every engine is idle.' });

export const hl_device_status = enumeration('hl_device_status', {
  HL_DEVICE_STATUS_OPERATIONAL: 0,
  HL_DEVICE_STATUS_IN_RESET: 1,
  HL_DEVICE_STATUS_MALFUNCTION: 2,
}, { doc: 'What HL_INFO_DEVICE_STATUS reports in `hl_info_device_status.status`.' });

export const hlInfoOp = values('hl_info_op', {
  HL_INFO_HW_IP_INFO: { value: 0, payload: hl_info_hw_ip_info },
  HL_INFO_HW_EVENTS: 1,
  HL_INFO_DRAM_USAGE: { value: 2, payload: hl_info_dram_usage },
  HL_INFO_HW_IDLE: { value: 3, payload: hl_info_hw_idle },
  HL_INFO_DEVICE_STATUS: { value: 4, payload: hl_info_device_status },
}, 'What DRM_IOCTL_HL_INFO reports, selected by `hl_info_args.op`.');

/** 24 bytes, with a plain ctx_id where later releases have a union of per-opcode inputs. */
export const hl_info_args = struct('hl_info_args', {
  return_pointer: u64.in()
    .userPointer({ lengthField: 'return_size', lengthUnit: 'bytes', dir: 'out' })
    .doc('Caller\'s buffer for the answer.'),
  return_size: u32.in().doc('Size of that buffer: the driver writes at most this many bytes.'),
  op: u32.in().oneOf('hl_info_op'),
  ctx_id: u32.in().doc('Not used.'),
  pad: u32.pad(),
}, { doc: 'Argument of DRM_IOCTL_HL_INFO.' });

// --- CB ---------------------------------------------------------------------------------------

export const hlCbOp = values('hl_cb_op', {
  HL_CB_OP_CREATE: { value: 0, doc: 'Allocate a command buffer of cb_size bytes; returns its handle.' },
  HL_CB_OP_DESTROY: { value: 1, doc: 'Release the command buffer cb_handle (freed when the last mapping goes).' },
}, 'Operations of DRM_IOCTL_HL_CB, in `hl_cb_in.op`.');

/** pad becomes flags in 5.10. */
export const hl_cb_in = struct('hl_cb_in', {
  cb_handle: u64.in().handle('cb').doc('Buffer to destroy; 0 to create one.'),
  op: u32.in().oneOf('hl_cb_op'),
  cb_size: u32.in().doc('Requested size, at most HL_MAX_CB_SIZE; at least a page is allocated.'),
  ctx_id: u32.in().doc('Not used.'),
  pad: u32.pad(),
}, { doc: 'Input half of DRM_IOCTL_HL_CB.' });

export const hl_cb_out = struct('hl_cb_out', {
  cb_handle: u64.out().handle('cb').doc('Handle of the created buffer (HL_CB_OP_CREATE).'),
}, { doc: 'Output half of DRM_IOCTL_HL_CB.' });

export const hl_cb_args = union('hl_cb_args', {
  in: field(hl_cb_in).in(),
  out: field(hl_cb_out).out(),
}, { doc: 'Argument of DRM_IOCTL_HL_CB: the driver reads `in` and overwrites the same bytes with `out`.' });

// --- CS ---------------------------------------------------------------------------------------

/** No chunk flag is defined yet: cs_chunk_flags must be zero. */
export const hlCsChunkFlags = flags('hl_cs_chunk_flags', {}, 'Flags of `hl_cs_chunk.cs_chunk_flags`.');

export const hl_cs_chunk = struct('hl_cs_chunk', {
  cb_handle: u64.in().handle('cb').doc('Command buffer of the job: a CB handle, or (internal queues) a device address.'),
  queue_index: u32.in().doc('Queue of the job: enum <asic>_queue_id.'),
  cb_size: u32.in().doc('Bytes of valid packets in the command buffer.'),
  cs_chunk_flags: u32.in().flags('hl_cs_chunk_flags'),
  pad: array(u32, 11).pad(),
}, { doc: 'One job of a submission; fixed at 64 bytes so chunk arrays keep their stride.' });

export const hlCsFlags = flags('hl_cs_flags', {
  HL_CS_FLAGS_FORCE_RESTORE: 0x1, // Run the restore chunks even without a context switch.
}, 'Flags of `hl_cs_in.cs_flags`.');

export const hl_cs_in = struct('hl_cs_in', {
  chunks_restore: u64.in()
    .userPointer({ lengthField: 'num_chunks_restore', lengthUnit: 'elements', elementType: 'hl_cs_chunk', dir: 'in' })
    .doc('User array of hl_cs_chunk, run after a context switch.'),
  chunks_execute: u64.in()
    .userPointer({ lengthField: 'num_chunks_execute', lengthUnit: 'elements', elementType: 'hl_cs_chunk', dir: 'in' })
    .doc('User array of hl_cs_chunk to execute.'),
  chunks_store: u64.reserved().doc('A store phase that was never implemented.'),
  num_chunks_restore: u32.in().doc('At most HL_MAX_JOBS_PER_CS.'),
  num_chunks_execute: u32.in().doc('At most HL_MAX_JOBS_PER_CS.'),
  num_chunks_store: u32.reserved().doc('A store phase that was never implemented.'),
  cs_flags: u32.in().flags('hl_cs_flags'),
  ctx_id: u32.in().doc('Not used.'),
  pad: array(u8, 4).pad(),
}, { doc: 'Input half of DRM_IOCTL_HL_CS.' });

/** 16 bytes: the sequence number and status; pad becomes sob_base_addr_offset in 5.15. */
export const hl_cs_out = struct('hl_cs_out', {
  seq: u64.out().handle('cs').doc('Sequence number to wait on; never 0 or all ones.'),
  status: u32.out().oneOf('hl_cs_status'),
  pad: u32.pad(),
}, { doc: 'Output half of DRM_IOCTL_HL_CS.' });

export const hl_cs_args = union('hl_cs_args', {
  in: field(hl_cs_in).in(),
  out: field(hl_cs_out).out(),
}, { doc: 'Argument of DRM_IOCTL_HL_CS.' });

// --- WAIT_CS ----------------------------------------------------------------------------------

/** 24 bytes: one submission and a timeout. */
export const hl_wait_cs_in = struct('hl_wait_cs_in', {
  seq: u64.in().handle('cs').doc('Submission to wait for.'),
  timeout_us: u64.in().doc('Timeout in microseconds; 0 polls without sleeping.'),
  ctx_id: u32.in().doc('Not used.'),
  pad: u32.pad(),
}, { doc: 'Input half of DRM_IOCTL_HL_WAIT_CS.' });

export const hl_wait_cs_out = struct('hl_wait_cs_out', {
  status: u32.out().oneOf('hl_wait_cs_status'),
  pad: u32.pad(),
}, { doc: 'Output half of DRM_IOCTL_HL_WAIT_CS.' });

export const hl_wait_cs_args = union('hl_wait_cs_args', {
  in: field(hl_wait_cs_in).in(),
  out: field(hl_wait_cs_out).out(),
}, { doc: 'Argument of DRM_IOCTL_HL_WAIT_CS.' });

// --- MEMORY -----------------------------------------------------------------------------------

export const hlMemOp = values('hl_mem_op', {
  HL_MEM_OP_ALLOC: { value: 0, doc: 'Allocate device memory (alloc); returns a handle.' },
  HL_MEM_OP_FREE: { value: 1, doc: 'Free an allocation (free.handle).' },
  HL_MEM_OP_MAP: { value: 2, doc: 'Map device memory (map_device) or, with HL_MEM_USERPTR, host memory (map_host); returns the device VA.' },
  HL_MEM_OP_UNMAP: { value: 3, doc: 'Unmap a device VA (unmap).' },
}, 'Operations of DRM_IOCTL_HL_MEMORY, in `hl_mem_in.op`.');

export const hlMemFlags = flags('hl_mem_flags', {
  HL_MEM_CONTIGUOUS: 0x1, // Physically contiguous allocation.
  HL_MEM_SHARED: 0x2, // Allocation may be mapped by other contexts.
  HL_MEM_USERPTR: 0x4, // HL_MEM_OP_MAP maps host memory (map_host).
}, 'Flags of `hl_mem_in.flags`.');

/** pad becomes num_of_elements in 6.1. */
export const hl_mem_in = struct('hl_mem_in', {
  per_op: anonymous(union({
    alloc: struct({
      mem_size: u64.in().doc('Bytes to allocate.'),
    }),
    free: struct({
      handle: u64.in().handle('mem').doc('Handle from HL_MEM_OP_ALLOC.'),
    }),
    map_device: struct({
      hint_addr: u64.in().doc('Wanted device VA, or 0 to let the driver choose.'),
      handle: u64.in().handle('mem').doc('Handle from HL_MEM_OP_ALLOC.'),
    }),
    map_host: struct({
      host_virt_addr: u64.in()
        .userPointer({ lengthField: 'mem_size', lengthUnit: 'bytes', dir: 'inout' })
        .doc('Host memory to pin and map.'),
      hint_addr: u64.in().doc('Wanted device VA, or 0 to let the driver choose.'),
      mem_size: u64.in().doc('Bytes of host memory.'),
    }),
    unmap: struct({
      device_virt_addr: u64.in().doc('Device VA returned by HL_MEM_OP_MAP.'),
    }),
  })),
  op: u32.in().oneOf('hl_mem_op'),
  flags: u32.in().flags('hl_mem_flags'),
  ctx_id: u32.in().doc('Not used.'),
  pad: u32.pad(),
}, { doc: 'Input half of DRM_IOCTL_HL_MEMORY.' });

export const hl_mem_out = struct('hl_mem_out', {
  result: anonymous(union({
    device_virt_addr: u64.out().doc('HL_MEM_OP_MAP: the device VA assigned.'),
    handle: u64.out().handle('mem').doc('HL_MEM_OP_ALLOC: the allocation.'),
  })),
}, { doc: 'Output half of DRM_IOCTL_HL_MEMORY.' });

export const hl_mem_args = union('hl_mem_args', {
  in: field(hl_mem_in).in(),
  out: field(hl_mem_out).out(),
}, { doc: 'Argument of DRM_IOCTL_HL_MEMORY.' });

// --- ioctls and constants ---------------------------------------------------------------------

export const hlIoctlIndex = values('hl_ioctl_index', {
  HL_IOCTL_INFO, HL_IOCTL_CB, HL_IOCTL_CS, HL_IOCTL_WAIT_CS, HL_IOCTL_MEMORY,
}, 'Index of each command above DRM_COMMAND_BASE.');

export const hlCommandRange = constants({
  HL_COMMAND_START: DRM_COMMAND_BASE + HL_IOCTL_INFO,
  HL_COMMAND_END: DRM_COMMAND_BASE + HL_IOCTL_MEMORY + 1,
});

export const asicReservations = constants({ GOYA_KMD_SRAM_RESERVED_SIZE_FROM_START });
export const infoLimits = constants({ HL_INFO_VERSION_MAX_LEN });
export const ioctlLimits = constants({ HL_MAX_CB_SIZE, HL_MAX_JOBS_PER_CS });

export const DRM_IOCTL_HL_INFO = ioctl('DRM_IOCTL_HL_INFO', {
  dir: 'rw', type: 'd', nr: DRM_COMMAND_BASE + HL_IOCTL_INFO, arg: hl_info_args, ...drmSizeTolerant, errno: infoErrno,
  doc: 'Query the device: op selects the answer, written to return_pointer and clamped to return_size.',
});
export const DRM_IOCTL_HL_CB = ioctl('DRM_IOCTL_HL_CB', {
  dir: 'rw', type: 'd', nr: DRM_COMMAND_BASE + HL_IOCTL_CB, arg: hl_cb_args, ...drmSizeTolerant, errno: cbErrno,
  doc: 'Create or destroy a command buffer.',
});
export const DRM_IOCTL_HL_CS = ioctl('DRM_IOCTL_HL_CS', {
  dir: 'rw', type: 'd', nr: DRM_COMMAND_BASE + HL_IOCTL_CS, arg: hl_cs_args, ...drmSizeTolerant, errno: csErrno,
  doc: 'Submit jobs to queues; returns a sequence number.',
});
export const DRM_IOCTL_HL_WAIT_CS = ioctl('DRM_IOCTL_HL_WAIT_CS', {
  dir: 'rw', type: 'd', nr: DRM_COMMAND_BASE + HL_IOCTL_WAIT_CS, arg: hl_wait_cs_args, ...drmSizeTolerant, errno: waitCsErrno,
  doc: 'Wait for a submission.',
});
export const DRM_IOCTL_HL_MEMORY = ioctl('DRM_IOCTL_HL_MEMORY', {
  dir: 'rw', type: 'd', nr: DRM_COMMAND_BASE + HL_IOCTL_MEMORY, arg: hl_mem_args, ...drmSizeTolerant, errno: memoryErrno,
  doc: 'Allocate, free, map and unmap device memory; map host memory.',
});

export const spec = defineSpec({
  name: 'habanalabs',
  version: '1.0.0',
  ioctls: [DRM_IOCTL_HL_INFO, DRM_IOCTL_HL_CB, DRM_IOCTL_HL_CS, DRM_IOCTL_HL_WAIT_CS, DRM_IOCTL_HL_MEMORY],
  types: [hl_cs_chunk, hl_device_status, goya_queue_id],
  constants: [
    asicReservations, hlInfoOp, infoLimits, hlCbOp, hlCsChunkFlags, hlCsFlags, hlCsStatus, ioctlLimits,
    hlWaitCsStatus, hlMemOp, hlMemFlags, hlIoctlIndex, hlCommandRange,
  ],
});
