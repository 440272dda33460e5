import { anonymous, array, constants, defineSpec, ioctl, struct, u32, u64, union, values } from 'uapi-harness/dsl';
import { goya_engine_id, goya_queue_id } from './shared/asic-goya';
import { hlCsStatus } from './shared/cs';
import { hl_debug_args, hl_debug_params_etf, hl_debug_params_etr, hl_debug_params_stm } from './shared/debug';
import { hl_info_device_status, hl_info_device_utilization, hl_info_dram_usage } from './shared/info-device';
import { HL_DEBUG_MAX_AUX_VALUES, HL_MAX_CB_SIZE, HL_MAX_JOBS_PER_CS } from './shared/limits';
import { hlWaitCsStatus } from './shared/wait-cs';
import {
  debugErrno, DRM_COMMAND_BASE, drmSizeTolerant, HL_IOCTL_CB, HL_IOCTL_CS, HL_IOCTL_DEBUG, HL_IOCTL_INFO, HL_IOCTL_MEMORY,
  HL_IOCTL_WAIT_CS, infoErrno,
} from './dispatch';
import * as v1_0 from './v1.0.0';

/**
 * habanalabs 1.1.0: the uAPI as Linux 5.4 shipped it. 1.0.0 plus:
 * - a new ioctl, DRM_IOCTL_HL_DEBUG, with its argument and per-operation parameter structs
 *   (kernel pattern: ioctl added, new index appended, HL_COMMAND_END moved past it);
 * - hl_info_hw_idle.pad -> busy_engines_mask, one bit per goya_engine_id (pad given a meaning);
 * - INFO opcodes DEVICE_UTILIZATION (6) and HW_EVENTS_AGGREGATE (7) (value appended, 5 stays
 *   unused), with hl_info_args.ctx_id becoming a union that also holds the utilisation period
 *   (union member added over the same bytes).
 */

// --- INFO -------------------------------------------------------------------------------------

export const hl_info_hw_idle = struct('hl_info_hw_idle', {
  is_idle: u32,
  busy_engines_mask: u32.doc('Busy engines, one bit per `<asic>_engine_id`.'),
}, { doc: 'HL_INFO_HW_IDLE: whether every engine is idle, and which are busy.' });

export const hlInfoOp = values('hl_info_op', {
  HL_INFO_HW_IP_INFO: { value: 0, payload: v1_0.hl_info_hw_ip_info },
  HL_INFO_HW_EVENTS: 1,
  HL_INFO_DRAM_USAGE: { value: 2, payload: hl_info_dram_usage },
  HL_INFO_HW_IDLE: { value: 3, payload: hl_info_hw_idle },
  HL_INFO_DEVICE_STATUS: { value: 4, payload: hl_info_device_status },
  HL_INFO_DEVICE_UTILIZATION: { value: 6, payload: hl_info_device_utilization },
  HL_INFO_HW_EVENTS_AGGREGATE: 7,
}, 'What DRM_IOCTL_HL_INFO reports, selected by `hl_info_args.op`.');

export const hl_info_args = struct('hl_info_args', {
  return_pointer: u64.in()
    .userPointer({ lengthField: 'return_size', lengthUnit: 'bytes', dir: 'out' })
    .doc('Caller\'s buffer for the answer.'),
  return_size: u32.in().doc('Size of that buffer: the driver writes at most this many bytes.'),
  op: u32.in().oneOf('hl_info_op'),
  per_op: anonymous(union({
    ctx_id: u32.in().doc('Not used.'),
    period_ms: u32.in().doc('Utilisation period, 100..1000 ms in steps of 100 (not used).'),
  })),
  pad: u32.pad(),
}, { doc: 'Argument of DRM_IOCTL_HL_INFO.' });

// --- DEBUG ------------------------------------------------------------------------------------

/** 48 bytes: two address ranges; pad becomes `control` and two more ranges are appended later. */
export const hl_debug_params_bmon = struct('hl_debug_params_bmon', {
  start_addr0: u64,
  addr_mask0: u64,
  start_addr1: u64,
  addr_mask1: u64,
  bw_win: u32.doc('Capture window.'),
  win_capture: u32,
  id: u32.doc('Trace source id.'),
  pad: u32.pad(),
}, { doc: 'Input of HL_DEBUG_OP_BMON (bus monitor): two address ranges to filter on and the capture window.' });

/** 88 bytes: pad becomes `pmtrc_val` later. */
export const hl_debug_params_spmu = struct('hl_debug_params_spmu', {
  event_types: array(u64, HL_DEBUG_MAX_AUX_VALUES),
  event_types_num: u32.doc('Valid entries of event_types.'),
  pad: u32.pad(),
}, { doc: 'Input of HL_DEBUG_OP_SPMU (performance monitor unit).' });

export const hlDebugOp = values('hl_debug_op', {
  HL_DEBUG_OP_ETR: { value: 0, payload: hl_debug_params_etr },
  HL_DEBUG_OP_ETF: { value: 1, payload: hl_debug_params_etf },
  HL_DEBUG_OP_STM: { value: 2, payload: hl_debug_params_stm },
  HL_DEBUG_OP_FUNNEL: { value: 3, doc: 'Enable or disable a trace funnel; no parameters.' },
  HL_DEBUG_OP_BMON: { value: 4, payload: hl_debug_params_bmon },
  HL_DEBUG_OP_SPMU: { value: 5, payload: hl_debug_params_spmu },
  HL_DEBUG_OP_TIMESTAMP: { value: 6, doc: 'Deprecated.' },
  HL_DEBUG_OP_SET_MODE: { value: 7, doc: 'Enter (enable = 1) or leave (enable = 0) debug mode.' },
}, 'Operations of DRM_IOCTL_HL_DEBUG, in `hl_debug_args.op`; the payload is the struct read from input_ptr.');

// --- ioctls and constants ---------------------------------------------------------------------

export const hlIoctlIndex = values('hl_ioctl_index', {
  HL_IOCTL_INFO, HL_IOCTL_CB, HL_IOCTL_CS, HL_IOCTL_WAIT_CS, HL_IOCTL_MEMORY, HL_IOCTL_DEBUG,
}, 'Index of each command above DRM_COMMAND_BASE.');

export const hlCommandRange = constants({
  HL_COMMAND_START: DRM_COMMAND_BASE + HL_IOCTL_INFO,
  HL_COMMAND_END: DRM_COMMAND_BASE + HL_IOCTL_DEBUG + 1,
});

export const ioctlLimits = constants({ HL_MAX_CB_SIZE, HL_MAX_JOBS_PER_CS, HL_DEBUG_MAX_AUX_VALUES });

export const DRM_IOCTL_HL_INFO = ioctl('DRM_IOCTL_HL_INFO', {
  dir: 'rw', type: 'd', nr: DRM_COMMAND_BASE + HL_IOCTL_INFO, arg: hl_info_args, ...drmSizeTolerant, errno: infoErrno,
  doc: 'Query the device: op selects the answer, written to return_pointer and clamped to return_size.',
});
export const DRM_IOCTL_HL_DEBUG = ioctl('DRM_IOCTL_HL_DEBUG', {
  dir: 'rw', type: 'd', nr: DRM_COMMAND_BASE + HL_IOCTL_DEBUG, arg: hl_debug_args, ...drmSizeTolerant, errno: debugErrno,
  doc: 'Configure trace and profiling components; the device must be in debug mode.',
});

export const spec = defineSpec({
  name: 'habanalabs',
  version: '1.1.0',
  ioctls: [DRM_IOCTL_HL_INFO, v1_0.DRM_IOCTL_HL_CB, v1_0.DRM_IOCTL_HL_CS, v1_0.DRM_IOCTL_HL_WAIT_CS, v1_0.DRM_IOCTL_HL_MEMORY, DRM_IOCTL_HL_DEBUG],
  types: [v1_0.hl_cs_chunk, v1_0.hl_device_status, goya_queue_id, goya_engine_id],
  constants: [
    v1_0.asicReservations, hlInfoOp, v1_0.infoLimits, v1_0.hlCbOp, v1_0.hlCsChunkFlags, v1_0.hlCsFlags, hlCsStatus,
    ioctlLimits, hlWaitCsStatus, v1_0.hlMemOp, v1_0.hlMemFlags, hlDebugOp, hlIoctlIndex, hlCommandRange,
  ],
});
