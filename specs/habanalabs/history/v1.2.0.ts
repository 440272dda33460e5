import { anonymous, array, constants, defineSpec, field, flags, ioctl, struct, u32, u64, u8, union, values } from 'uapi-harness/dsl';
import { gaudi_dcores, gaudi_engine_id, gaudi_queue_id } from './shared/asic-gaudi';
import { goya_engine_id, goya_queue_id } from './shared/asic-goya';
import { hl_cb_in } from './shared/cb';
import { hlCsStatus } from './shared/cs';
import {
  hl_info_clk_rate, hl_info_cs_counters, hl_info_device_status, hl_info_device_utilization, hl_info_dram_usage,
  hl_info_energy, hl_info_pci_counters, hl_info_reset_count, hlClkThrottleReasons,
} from './shared/info-device';
import {
  GAUDI_DRIVER_SRAM_RESERVED_SIZE_FROM_START, GOYA_KMD_SRAM_RESERVED_SIZE_FROM_START, HL_INFO_CARD_NAME_MAX_LEN,
  HL_INFO_VERSION_MAX_LEN,
} from './shared/limits';
import { hlWaitCsStatus } from './shared/wait-cs';
import { cbErrno, DRM_COMMAND_BASE, drmSizeTolerant, HL_IOCTL_CB, HL_IOCTL_INFO, infoErrno } from './dispatch';
import * as v1_0 from './v1.0.0';
import * as v1_1 from './v1.1.0';

/**
 * habanalabs 1.2.0: the uAPI as Linux 5.10 shipped it (Gaudi support). 1.1.0 plus:
 * - hl_cb_in.pad -> flags with HL_CB_FLAGS_MAP (pad given a meaning, flag group added);
 * - hl_info_hw_idle grows 8 -> 16 with busy_engines_mask_ext (payload grown at the end: INFO output
 *   is clamped to the caller's return_size);
 * - hl_info_hw_ip_info grows 200 -> 216: reserved[0] -> module_id with the rest renumbered as
 *   reserved[2] (pad given a meaning, reserved renumbered), card_name appended;
 * - INFO opcodes 8..15 (clock rate, reset count, time sync, CS counters, PCI counters, clock
 *   throttling, sync manager, energy) and dcore_id in the per-opcode union of hl_info_args;
 * - CS: SIGNAL and WAIT submissions (flags appended; signal_seq_arr/num_signal_seq_arr as union
 *   members over the chunk's cb_handle/cb_size);
 * - Gaudi queue, engine and DCORE enums, and Gaudi's SRAM reservation.
 * Left out on purpose: GAUDI_FIRST_AVAILABLE_W_S_SYNC_OBJECT/_MONITOR, whose 5.10 values (48, 24)
 * changed in 5.13, and the 80-byte cs_counters that 5.13 reshaped; both are real breaks, replayed in
 * harness/contract/release/real-breaks.test.ts. CS_COUNTERS appears directly in its 96-byte 5.13 shape.
 * The armcp_* -> cpucp_* renames of 5.10 are source-level only and not modelled (see v1.0.0.ts).
 */

// --- INFO -------------------------------------------------------------------------------------

/** 216 bytes. */
export const hl_info_hw_ip_info = struct('hl_info_hw_ip_info', {
  sram_base_address: u64.doc('First SRAM physical address free for the user.'),
  dram_base_address: u64.doc('First DRAM virtual address free for the user.'),
  dram_size: u64.doc('DRAM size available to the user.'),
  sram_size: u32.doc('SRAM size available to the user.'),
  num_of_events: u32.doc('Length of the HL_INFO_HW_EVENTS array, in __u32 counters.'),
  device_id: u32.doc('PCI device id.'),
  module_id: u32.doc('Position of the card in the server (OCP mezzanine).'),
  reserved: array(u32, 2).reserved(),
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
}, { doc: 'HL_INFO_HW_IP_INFO: the device and its IP blocks.' });

/** 16 bytes: one 64-bit extended mask (an array of them from 5.13). */
export const hl_info_hw_idle = struct('hl_info_hw_idle', {
  is_idle: u32,
  busy_engines_mask: u32.doc('Busy engines, one bit per `<asic>_engine_id` below 32.'),
  busy_engines_mask_ext: u64.doc('Busy engines, one bit per `<asic>_engine_id`.'),
}, { doc: 'HL_INFO_HW_IDLE: whether every engine is idle, and which are busy.' });

/** 16 bytes, as through 6.1; tsc_time is appended later. */
export const hl_info_time_sync = struct('hl_info_time_sync', {
  device_time: u64,
  host_time: u64,
}, { doc: 'HL_INFO_TIME_SYNC: device and host clocks read together.' });

/** 4 bytes: the per-cause timestamps and durations are appended later (1.3.0 here). */
export const hl_info_clk_throttle = struct('hl_info_clk_throttle', {
  clk_throttling_reason: u32.flags('hl_clk_throttle_reasons'),
}, { doc: 'HL_INFO_CLK_THROTTLE_REASON: why the clock is throttled.' });

/** 8 bytes: first_available_cq and a reserved word are appended later (1.3.0 here). */
export const hl_info_sync_manager = struct('hl_info_sync_manager', {
  first_available_sync_object: u32,
  first_available_monitor: u32,
}, { doc: 'HL_INFO_SYNC_MANAGER: first sync objects and monitors the user may use in the DCORE `hl_info_args.dcore_id`.' });

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
  HL_INFO_TIME_SYNC: { value: 10, payload: hl_info_time_sync },
  HL_INFO_CS_COUNTERS: { value: 11, payload: hl_info_cs_counters },
  HL_INFO_PCI_COUNTERS: { value: 12, payload: hl_info_pci_counters },
  HL_INFO_CLK_THROTTLE_REASON: { value: 13, payload: hl_info_clk_throttle },
  HL_INFO_SYNC_MANAGER: { value: 14, payload: hl_info_sync_manager },
  HL_INFO_TOTAL_ENERGY: { value: 15, payload: hl_info_energy },
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
  })),
  pad: u32.pad(),
}, { doc: 'Argument of DRM_IOCTL_HL_INFO.' });

// --- CB ---------------------------------------------------------------------------------------

export const hlCbFlags = flags('hl_cb_flags', {
  HL_CB_FLAGS_MAP: 0x1, // Map the buffer into the device MMU at creation.
}, 'Flags of `hl_cb_in.flags`.');

/** `in` is the current hl_cb_in: its pad is now `flags`. */
export const hl_cb_args = union('hl_cb_args', {
  in: field(hl_cb_in).in(),
  out: field(v1_0.hl_cb_out).out(),
}, { doc: 'Argument of DRM_IOCTL_HL_CB: the driver reads `in` and overwrites the same bytes with `out`.' });

// --- CS ---------------------------------------------------------------------------------------

export const hl_cs_chunk = struct('hl_cs_chunk', {
  buffer: anonymous(union({
    cb_handle: u64.in().handle('cb')
      .doc('Command buffer of the job: a CB handle, or (internal queues) a device address.'),
    signal_seq_arr: u64.in().userPointer({ dir: 'in' })
      .doc('WAIT: user array of num_signal_seq_arr __u64 signal sequence numbers.'),
  })),
  queue_index: u32.in().doc('Queue of the job: enum <asic>_queue_id.'),
  length: anonymous(union({
    cb_size: u32.in().doc('Bytes of valid packets in the command buffer.'),
    num_signal_seq_arr: u32.in().doc('WAIT: entries in signal_seq_arr.'),
  })),
  cs_chunk_flags: u32.in().flags('hl_cs_chunk_flags'),
  pad: array(u32, 11).pad(),
}, { doc: 'One job of a submission; fixed at 64 bytes so chunk arrays keep their stride.' });

export const hlCsFlags = flags('hl_cs_flags', {
  HL_CS_FLAGS_FORCE_RESTORE: 0x1, // Run the restore chunks even without a context switch.
  HL_CS_FLAGS_SIGNAL: 0x2, // Signal submission (exclusive with WAIT).
  HL_CS_FLAGS_WAIT: 0x4,
}, 'Flags of `hl_cs_in.cs_flags`.');

// --- ioctls and constants ---------------------------------------------------------------------

export const asicReservations = constants({
  GOYA_KMD_SRAM_RESERVED_SIZE_FROM_START,
  GAUDI_DRIVER_SRAM_RESERVED_SIZE_FROM_START,
});

export const infoLimits = constants({ HL_INFO_VERSION_MAX_LEN, HL_INFO_CARD_NAME_MAX_LEN });

export const DRM_IOCTL_HL_INFO = ioctl('DRM_IOCTL_HL_INFO', {
  dir: 'rw', type: 'd', nr: DRM_COMMAND_BASE + HL_IOCTL_INFO, arg: hl_info_args, ...drmSizeTolerant, errno: infoErrno,
  doc: 'Query the device: op selects the answer, written to return_pointer and clamped to return_size.',
});
export const DRM_IOCTL_HL_CB = ioctl('DRM_IOCTL_HL_CB', {
  dir: 'rw', type: 'd', nr: DRM_COMMAND_BASE + HL_IOCTL_CB, arg: hl_cb_args, ...drmSizeTolerant, errno: cbErrno,
  doc: 'Create or destroy a command buffer.',
});

export const spec = defineSpec({
  name: 'habanalabs',
  version: '1.2.0',
  ioctls: [DRM_IOCTL_HL_INFO, DRM_IOCTL_HL_CB, v1_0.DRM_IOCTL_HL_CS, v1_0.DRM_IOCTL_HL_WAIT_CS, v1_0.DRM_IOCTL_HL_MEMORY, v1_1.DRM_IOCTL_HL_DEBUG],
  types: [
    hl_cs_chunk, v1_0.hl_device_status,
    goya_queue_id, goya_engine_id, gaudi_queue_id, gaudi_engine_id, gaudi_dcores,
  ],
  constants: [
    asicReservations, hlInfoOp, infoLimits, hlClkThrottleReasons, v1_0.hlCbOp, hlCbFlags, v1_0.hlCsChunkFlags,
    hlCsFlags, hlCsStatus, v1_1.ioctlLimits, hlWaitCsStatus, v1_0.hlMemOp, v1_0.hlMemFlags, v1_1.hlDebugOp,
    v1_1.hlIoctlIndex, v1_1.hlCommandRange,
  ],
});
