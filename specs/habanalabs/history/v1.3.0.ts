import { anonymous, array, constants, defineSpec, enumeration, field, flags, ioctl, struct, u16, u32, u64, u8, union, values } from 'uapi-harness/dsl';
import { gaudi_dcores, gaudi_engine_id, gaudi_queue_id, hl_gaudi_pll_index } from './shared/asic-gaudi';
import { goya_engine_id, goya_queue_id, hl_goya_pll_index } from './shared/asic-goya';
import { hl_cs_out, hlCsStatus } from './shared/cs';
import { hl_clk_throttling_type } from './shared/enums';
import {
  hl_info_clk_rate, hl_info_clk_throttle, hl_info_cs_counters, hl_info_device_status, hl_info_device_utilization,
  hl_info_dram_usage, hl_info_energy, hl_info_pci_counters, hl_info_reset_count, hl_info_sync_manager,
  hl_open_stats_info, hl_pll_frequency_info, hl_power_info, hlClkThrottleReasons,
} from './shared/info-device';
import {
  GAUDI_DRIVER_SRAM_RESERVED_SIZE_FROM_START, GAUDI_FIRST_AVAILABLE_W_S_MONITOR, GAUDI_FIRST_AVAILABLE_W_S_SYNC_OBJECT,
  GOYA_KMD_SRAM_RESERVED_SIZE_FROM_START, HL_DEBUG_MAX_AUX_VALUES, HL_INFO_CARD_NAME_MAX_LEN, HL_INFO_VERSION_MAX_LEN,
  HL_MAX_CB_SIZE, HL_MAX_JOBS_PER_CS, HL_PLL_NUM_OUTPUTS, HL_WAIT_MULTI_CS_LIST_MAX_LEN,
} from './shared/limits';
import { hl_wait_cs_out, hlWaitCsStatus, hlWaitCsStatusFlags } from './shared/wait-cs';
import {
  csErrno, DRM_COMMAND_BASE, drmSizeTolerant, HL_IOCTL_CS, HL_IOCTL_INFO, HL_IOCTL_MEMORY,
  HL_IOCTL_WAIT_CS, infoErrno, memoryErrno, waitCsErrno,
} from './dispatch';
import * as v1_0 from './v1.0.0';
import * as v1_1 from './v1.1.0';
import * as v1_2 from './v1.2.0';

/**
 * habanalabs 1.3.0: the uAPI of Linux 5.15 to 5.17. 1.2.0 plus:
 * - WAIT_CS argument 24 -> 40 (size-tolerant dispatch): pad -> flags; user interrupts (a union arm
 *   over seq/timeout_us), multi-CS waits and the kernel-CQ counter appended; hl_wait_cs_out 8 -> 24
 *   with pad -> flags, a completion timestamp and the multi-CS completion map. The interrupt arm is
 *   modelled in its 5.17 shape (target a __u64): its 5.13-5.16 shapes are the 5.16.12 break;
 * - hl_cs_out 16 -> 24: pad -> sob_base_addr_offset, the signal count before the submission and a
 *   reservation arm over seq (pad given a meaning, grown at the end, union member added);
 * - hl_cs_in: the never-used chunks_store/num_chunks_store become staged submissions and
 *   encapsulated-signal reservations (a union over the same 8 bytes) and the custom timeout;
 *   collective waits, staged submissions, custom timeouts and encapsulated signals as CS flags
 *   0x8..0x2000 (appended); hl_cs_chunk gets collective_engine_id from pad[0] and the
 *   encapsulated-signal union members;
 * - hl_info_hw_ip_info 216 -> 232: reserved[2] renumbered as reserved2/reserved3 around
 *   first_available_interrupt_id (pad given a meaning, reserved renumbered), two u64 appended;
 *   hl_info_hw_idle 16 -> 24 (the extended mask becomes an array in place); clock throttling and
 *   sync manager answers grown at the end;
 * - INFO opcodes 16..18 (PLL frequency, power, open statistics) with pll_index in hl_info_args,
 *   MEMORY map_block (op, union members in and out), device status values appended (with the
 *   HL_DEVICE_STATUS_LAST alias), GAUDI_FIRST_AVAILABLE_* at their 5.13 values.
 * The header sized busy_engines_mask_ext with HL_BUSY_ENGINES_MASK_EXT_SIZE (2); the constant is
 * left out here because 6.3 changed it to 4, which the diff reads as a changed constant.
 */

// --- INFO -------------------------------------------------------------------------------------

/** 232 bytes. */
export const hl_info_hw_ip_info = struct('hl_info_hw_ip_info', {
  sram_base_address: u64.doc('First SRAM physical address free for the user.'),
  dram_base_address: u64.doc('First DRAM virtual address free for the user.'),
  dram_size: u64.doc('DRAM size available to the user.'),
  sram_size: u32.doc('SRAM size available to the user.'),
  num_of_events: u32.doc('Length of the HL_INFO_HW_EVENTS array, in __u32 counters.'),
  device_id: u32.doc('PCI device id.'),
  module_id: u32.doc('Position of the card in the server (OCP mezzanine).'),
  reserved2: u32.reserved(),
  first_available_interrupt_id: u16,
  reserved3: u16.reserved(),
  cpld_version: u32,
  psoc_pci_pll_nr: u32,
  psoc_pci_pll_nf: u32,
  psoc_pci_pll_od: u32,
  psoc_pci_pll_div_factor: u32,
  tpc_enabled_mask: u8,
  dram_enabled: u8,
  pad: array(u8, 2).pad(),
  cpucp_version: array(u8, HL_INFO_VERSION_MAX_LEN).doc('Firmware version string, NUL-terminated.'),
  card_name: array(u8, HL_INFO_CARD_NAME_MAX_LEN),
  tpc_enabled_mask_ext: u64,
  dram_page_size: u64,
}, { doc: 'HL_INFO_HW_IP_INFO: the device and its IP blocks.' });

/** 24 bytes: two extended masks (four from 6.3). */
export const hl_info_hw_idle = struct('hl_info_hw_idle', {
  is_idle: u32,
  busy_engines_mask: u32.doc('Busy engines, one bit per `<asic>_engine_id` below 32.'),
  busy_engines_mask_ext: array(u64, 2).doc('Busy engines, one bit per `<asic>_engine_id`.'),
}, { doc: 'HL_INFO_HW_IDLE: whether every engine is idle, and which are busy.' });

export const hl_device_status = enumeration('hl_device_status', {
  HL_DEVICE_STATUS_OPERATIONAL: 0,
  HL_DEVICE_STATUS_IN_RESET: 1,
  HL_DEVICE_STATUS_MALFUNCTION: 2,
  HL_DEVICE_STATUS_NEEDS_RESET: 3,
  HL_DEVICE_STATUS_IN_DEVICE_CREATION: 4,
  // An alias of the last real status, not a count: it moves whenever a status is appended.
  HL_DEVICE_STATUS_LAST: 4,
}, { doc: 'What HL_INFO_DEVICE_STATUS reports in `hl_info_device_status.status`.' });

export const hlInfoOp = values('hl_info_op', {
  HL_INFO_HW_IP_INFO: { value: 0, payload: hl_info_hw_ip_info },
  HL_INFO_HW_EVENTS: 1,
  HL_INFO_DRAM_USAGE: { value: 2, payload: hl_info_dram_usage },
  HL_INFO_HW_IDLE: { value: 3, payload: hl_info_hw_idle },
  HL_INFO_DEVICE_STATUS: { value: 4, payload: hl_info_device_status },
  HL_INFO_DEVICE_UTILIZATION: { value: 6, payload: hl_info_device_utilization },
  HL_INFO_HW_EVENTS_AGGREGATE: 7,
  HL_INFO_CLK_RATE: { value: 8, payload: hl_info_clk_rate },
  HL_INFO_RESET_COUNT: { value: 9, payload: hl_info_reset_count },
  HL_INFO_TIME_SYNC: { value: 10, payload: v1_2.hl_info_time_sync },
  HL_INFO_CS_COUNTERS: { value: 11, payload: hl_info_cs_counters },
  HL_INFO_PCI_COUNTERS: { value: 12, payload: hl_info_pci_counters },
  HL_INFO_CLK_THROTTLE_REASON: { value: 13, payload: hl_info_clk_throttle },
  HL_INFO_SYNC_MANAGER: { value: 14, payload: hl_info_sync_manager },
  HL_INFO_TOTAL_ENERGY: { value: 15, payload: hl_info_energy },
  HL_INFO_PLL_FREQUENCY: { value: 16, payload: hl_pll_frequency_info },
  HL_INFO_POWER: { value: 17, payload: hl_power_info },
  HL_INFO_OPEN_STATS: { value: 18, payload: hl_open_stats_info },
}, 'What DRM_IOCTL_HL_INFO reports, selected by `hl_info_args.op`.');

export const hl_info_args = struct('hl_info_args', {
  return_pointer: u64.in()
    .userPointer({ lengthField: 'return_size', lengthUnit: 'bytes', dir: 'out' })
    .doc('Caller\'s buffer for the answer.'),
  return_size: u32.in().doc('Size of that buffer: the driver writes at most this many bytes.'),
  op: u32.in().oneOf('hl_info_op'),
  per_op: anonymous(union({
    dcore_id: u32.in().doc('DCORE the query is about (Gaudi: enum gaudi_dcores).'),
    ctx_id: u32.in().doc('Not used.'),
    period_ms: u32.in().doc('Utilisation period, 100..1000 ms in steps of 100 (not used).'),
    pll_index: u32.in().doc('PLL to query: enum hl_<asic>_pll_index.'),
  })),
  pad: u32.pad(),
}, { doc: 'Argument of DRM_IOCTL_HL_INFO.' });

// --- CS ---------------------------------------------------------------------------------------

export const hl_cs_chunk = struct('hl_cs_chunk', {
  buffer: anonymous(union({
    cb_handle: u64.in().handle('cb')
      .doc('Command buffer of the job: a CB handle, or (internal queues) a device address.'),
    signal_seq_arr: u64.in().userPointer({ dir: 'in' })
      .doc('WAIT/COLLECTIVE_WAIT: user array of num_signal_seq_arr __u64 signal sequence numbers.'),
    encaps_signal_seq: u64.in().handle('cs')
      .doc('WAIT with ENCAP_SIGNALS: sequence of the submission that holds the encapsulated signals.'),
  })),
  queue_index: u32.in().doc('Queue of the job: enum <asic>_queue_id.'),
  length: anonymous(union({
    cb_size: u32.in().doc('Bytes of valid packets in the command buffer.'),
    num_signal_seq_arr: u32.in().doc('WAIT/COLLECTIVE_WAIT: entries in signal_seq_arr.'),
    encaps_signal_offset: u32.in().doc('WAIT with ENCAP_SIGNALS: which signal of the reserved range to wait for.'),
  })),
  cs_chunk_flags: u32.in().flags('hl_cs_chunk_flags'),
  collective_engine_id: u32.in().doc('COLLECTIVE_WAIT: engine the wait syncs with, besides all NICs.'),
  pad: array(u32, 10).pad(),
}, { doc: 'One job of a submission; fixed at 64 bytes so chunk arrays keep their stride.' });

export const hlCsFlags = flags('hl_cs_flags', {
  HL_CS_FLAGS_FORCE_RESTORE: 0x1, // Run the restore chunks even without a context switch.
  HL_CS_FLAGS_SIGNAL: 0x2, // Signal submission (exclusive with WAIT and COLLECTIVE_WAIT).
  HL_CS_FLAGS_WAIT: 0x4,
  HL_CS_FLAGS_COLLECTIVE_WAIT: 0x8,
  HL_CS_FLAGS_TIMESTAMP: 0x20,
  HL_CS_FLAGS_STAGED_SUBMISSION: 0x40,
  HL_CS_FLAGS_STAGED_SUBMISSION_FIRST: 0x80,
  HL_CS_FLAGS_STAGED_SUBMISSION_LAST: 0x100,
  HL_CS_FLAGS_CUSTOM_TIMEOUT: 0x200, // Use hl_cs_in.timeout (seconds) instead of the driver default.
  HL_CS_FLAGS_SKIP_RESET_ON_TIMEOUT: 0x400,
  HL_CS_FLAGS_ENCAP_SIGNALS: 0x800,
  HL_CS_FLAGS_RESERVE_SIGNALS_ONLY: 0x1000, // Only reserve encapsulated signals; no jobs.
  HL_CS_FLAGS_UNRESERVE_SIGNALS_ONLY: 0x2000, // Only release a reservation (encaps_sig_handle_id); no jobs.
}, 'Flags of `hl_cs_in.cs_flags` (0x10 is unused).');

/** The engine-command arms over the chunk pointers come later (6.1 and after). */
export const hl_cs_in = struct('hl_cs_in', {
  chunks_restore: u64.in()
    .userPointer({ lengthField: 'num_chunks_restore', lengthUnit: 'elements', elementType: 'hl_cs_chunk', dir: 'in' })
    .doc('User array of hl_cs_chunk, run after a context switch.'),
  chunks_execute: u64.in()
    .userPointer({ lengthField: 'num_chunks_execute', lengthUnit: 'elements', elementType: 'hl_cs_chunk', dir: 'in' })
    .doc('User array of hl_cs_chunk to execute.'),
  staged: anonymous(union({
    seq: u64.in().handle('cs').doc('Staged submission: sequence of its first part (not with STAGED_SUBMISSION_FIRST).'),
    encaps_sig_handle_id: u32.in().handle('encaps_signals')
      .doc('Reservation to use (staged with ENCAP_SIGNALS) or release (UNRESERVE_SIGNALS_ONLY).'),
    reserve: anonymous(struct({
      encaps_signals_count: u32.in().doc('RESERVE_SIGNALS_ONLY: signals to reserve.'),
      encaps_signals_q_idx: u32.in().doc('RESERVE_SIGNALS_ONLY: queue (stream) to reserve on.'),
    })),
  })),
  num_chunks_restore: u32.in().doc('At most HL_MAX_JOBS_PER_CS.'),
  num_chunks_execute: u32.in().doc('At most HL_MAX_JOBS_PER_CS.'),
  timeout: u32.in().doc('Seconds; used with HL_CS_FLAGS_CUSTOM_TIMEOUT.'),
  cs_flags: u32.in().flags('hl_cs_flags'),
  ctx_id: u32.in().doc('Not used.'),
  pad: array(u8, 4).pad(),
}, { doc: 'Input half of DRM_IOCTL_HL_CS.' });

/** `out` is the current 24-byte hl_cs_out. */
export const hl_cs_args = union('hl_cs_args', {
  in: field(hl_cs_in).in(),
  out: field(hl_cs_out).out(),
}, { doc: 'Argument of DRM_IOCTL_HL_CS.' });

// --- WAIT_CS ----------------------------------------------------------------------------------

/** INTERRUPT_MASK is not a flag: the field holding the interrupt id (see the current wait-cs.ts). */
export const hlWaitCsFlags = flags('hl_wait_cs_flags', {
  HL_WAIT_CS_FLAGS_INTERRUPT: 0x2, // Wait for a user interrupt; its id goes in the bits of INTERRUPT_MASK.
  HL_WAIT_CS_FLAGS_INTERRUPT_MASK: 0xfff00000, // Not a flag: the field holding the interrupt id.
  HL_WAIT_CS_FLAGS_ANY_CQ_INTERRUPT: 0xfff00000, // Interrupt id meaning any completion-queue interrupt.
  HL_WAIT_CS_FLAGS_MULTI_CS: 0x4, // seq points to an array of seq_arr_len sequence numbers.
  HL_WAIT_CS_FLAGS_INTERRUPT_KERNEL_CQ: 0x10, // Compare the counter in a kernel-mapped CB (cq_counters_handle/offset).
}, 'Flags of `hl_wait_cs_in.flags`, plus the interrupt-id field in its top 12 bits.');

/** 40 bytes: the timestamp registration of 6.1 is still to come. */
export const hl_wait_cs_in = struct('hl_wait_cs_in', {
  target_of_wait: anonymous(union({
    cs: anonymous(struct({
      seq: u64.in().handle('cs')
        .doc('Submission to wait for; with MULTI_CS a user pointer to seq_arr_len __u64 sequence numbers.'),
      timeout_us: u64.in().doc('Timeout in microseconds; 0 polls without sleeping.'),
    })),
    interrupt: anonymous(struct({
      counter: anonymous(union({
        addr: u64.in().userPointer({ dir: 'in' })
          .doc('INTERRUPT: user address of the __u64 compared with target; all ones compares nothing.'),
        cq_counters_handle: u64.in().handle('cb')
          .doc('INTERRUPT_KERNEL_CQ: kernel-mapped CB holding the CQ counters.'),
      })),
      target: u64.in().doc('Value the counter must reach.'),
    })),
  })),
  ctx_id: u32.in().doc('Not used.'),
  flags: u32.in().flags('hl_wait_cs_flags'),
  multi_or_interrupt: anonymous(union({
    multi: anonymous(struct({
      seq_arr_len: u8.in().doc('MULTI_CS: entries in the seq array, at most HL_WAIT_MULTI_CS_LIST_MAX_LEN.'),
      pad: array(u8, 7).pad(),
    })),
    interrupt_timeout_us: u64.in().doc('INTERRUPT: timeout in microseconds.'),
  })),
  cq_counters_offset: u64.in().doc('INTERRUPT_KERNEL_CQ: offset of the counter inside that CB.'),
}, { doc: 'Input half of DRM_IOCTL_HL_WAIT_CS.' });

/** `out` is the current 24-byte hl_wait_cs_out. */
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
  HL_MEM_OP_MAP_BLOCK: { value: 4, doc: 'Map a hardware block for mmap (map_block); returns a handle and size.' },
}, 'Operations of DRM_IOCTL_HL_MEMORY, in `hl_mem_in.op`.');

export const hlMemFlags = flags('hl_mem_flags', {
  HL_MEM_CONTIGUOUS: 0x1, // Physically contiguous allocation.
  HL_MEM_SHARED: 0x2, // Allocation may be mapped by other contexts.
  HL_MEM_USERPTR: 0x4, // HL_MEM_OP_MAP maps host memory (map_host).
  HL_MEM_FORCE_HINT: 0x8, // Fail unless the mapping lands at the hint address.
  HL_MEM_PREFETCH: 0x40, // Prefetch the mapping into the MMU cache.
}, 'Flags of `hl_mem_in.flags`.');

/** map_block added; DMA-BUF export is modelled from 1.4.0 on, in its 6.3 shape (see real-breaks). */
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
    map_block: struct({
      block_addr: u64.in().doc('Configuration-space address of the hardware block.'),
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
    block: anonymous(struct({
      block_handle: u64.out().handle('block').doc('HL_MEM_OP_MAP_BLOCK: mmap handle of the block.'),
      block_size: u32.out().doc('HL_MEM_OP_MAP_BLOCK: size of the block.'),
      pad: u32.pad(),
    })),
  })),
}, { doc: 'Output half of DRM_IOCTL_HL_MEMORY.' });

export const hl_mem_args = union('hl_mem_args', {
  in: field(hl_mem_in).in(),
  out: field(hl_mem_out).out(),
}, { doc: 'Argument of DRM_IOCTL_HL_MEMORY.' });

// --- ioctls and constants ---------------------------------------------------------------------

export const asicReservations = constants({
  GOYA_KMD_SRAM_RESERVED_SIZE_FROM_START,
  GAUDI_DRIVER_SRAM_RESERVED_SIZE_FROM_START,
  GAUDI_FIRST_AVAILABLE_W_S_SYNC_OBJECT,
  GAUDI_FIRST_AVAILABLE_W_S_MONITOR,
});

export const infoLimits = constants({ HL_INFO_VERSION_MAX_LEN, HL_INFO_CARD_NAME_MAX_LEN, HL_PLL_NUM_OUTPUTS });

export const ioctlLimits = constants({
  HL_MAX_CB_SIZE, HL_MAX_JOBS_PER_CS, HL_WAIT_MULTI_CS_LIST_MAX_LEN, HL_DEBUG_MAX_AUX_VALUES,
});

export const DRM_IOCTL_HL_INFO = ioctl('DRM_IOCTL_HL_INFO', {
  dir: 'rw', type: 'd', nr: DRM_COMMAND_BASE + HL_IOCTL_INFO, arg: hl_info_args, ...drmSizeTolerant, errno: infoErrno,
  doc: 'Query the device: op selects the answer, written to return_pointer and clamped to return_size.',
});
export const DRM_IOCTL_HL_CS = ioctl('DRM_IOCTL_HL_CS', {
  dir: 'rw', type: 'd', nr: DRM_COMMAND_BASE + HL_IOCTL_CS, arg: hl_cs_args, ...drmSizeTolerant, errno: csErrno,
  doc: 'Submit jobs to queues (returns a sequence number), or reserve signals.',
});
export const DRM_IOCTL_HL_WAIT_CS = ioctl('DRM_IOCTL_HL_WAIT_CS', {
  dir: 'rw', type: 'd', nr: DRM_COMMAND_BASE + HL_IOCTL_WAIT_CS, arg: hl_wait_cs_args, ...drmSizeTolerant, errno: waitCsErrno,
  doc: 'Wait for submissions or a user interrupt.',
});
export const DRM_IOCTL_HL_MEMORY = ioctl('DRM_IOCTL_HL_MEMORY', {
  dir: 'rw', type: 'd', nr: DRM_COMMAND_BASE + HL_IOCTL_MEMORY, arg: hl_mem_args, ...drmSizeTolerant, errno: memoryErrno,
  doc: 'Allocate, free, map and unmap device memory; map host memory and hardware blocks.',
});

export const spec = defineSpec({
  name: 'habanalabs',
  version: '1.3.0',
  ioctls: [DRM_IOCTL_HL_INFO, v1_2.DRM_IOCTL_HL_CB, DRM_IOCTL_HL_CS, DRM_IOCTL_HL_WAIT_CS, DRM_IOCTL_HL_MEMORY, v1_1.DRM_IOCTL_HL_DEBUG],
  types: [
    hl_cs_chunk, hl_device_status, hl_clk_throttling_type,
    goya_queue_id, goya_engine_id, hl_goya_pll_index,
    gaudi_queue_id, gaudi_engine_id, hl_gaudi_pll_index, gaudi_dcores,
  ],
  constants: [
    asicReservations, hlInfoOp, infoLimits, hlClkThrottleReasons, v1_0.hlCbOp, v1_2.hlCbFlags, v1_0.hlCsChunkFlags,
    hlCsFlags, hlCsStatus, ioctlLimits, hlWaitCsFlags, hlWaitCsStatus, hlWaitCsStatusFlags, hlMemOp, hlMemFlags,
    v1_1.hlDebugOp, v1_1.hlIoctlIndex, v1_1.hlCommandRange,
  ],
});
