import { array, struct, u32, u64 } from 'uapi-harness/dsl';
// Frozen copy for the release history (see ../README.md): never edited to follow the current spec.
import { HL_DEBUG_MAX_AUX_VALUES } from './limits';

// DRM_IOCTL_HL_DEBUG: configure the on-chip trace and profiling components. The device must first be
// put in debug mode (HL_DEBUG_OP_SET_MODE), which only a sole user of the device may do. Each
// component op reads its parameters from `input_ptr` as one of the hl_debug_params_* structs.

export const hl_debug_params_etr = struct('hl_debug_params_etr', {
  buffer_address: u64.doc('Memory for the trace buffer.'),
  buffer_size: u64,
  sink_mode: u32.doc('SW fifo, HW fifo or circular buffer.'),
  pad: u32.pad(),
}, { doc: 'Input of HL_DEBUG_OP_ETR (embedded trace router).' });

export const hl_debug_params_etf = struct('hl_debug_params_etf', {
  buffer_address: u64.doc('Memory for the trace buffer.'),
  buffer_size: u64,
  sink_mode: u32.doc('SW fifo, HW fifo or circular buffer.'),
  pad: u32.pad(),
}, { doc: 'Input of HL_DEBUG_OP_ETF (embedded trace FIFO).' });

export const hl_debug_params_stm = struct('hl_debug_params_stm', {
  he_mask: u64.doc('Hardware events to trace.'),
  sp_mask: u64.doc('Stimulus ports to trace.'),
  id: u32.doc('Trace source id.'),
  frequency: u32.doc('Frequency of the timestamp register.'),
}, { doc: 'Input of HL_DEBUG_OP_STM (system trace macrocell).' });

export const hl_debug_params_bmon = struct('hl_debug_params_bmon', {
  start_addr0: u64,
  addr_mask0: u64,
  start_addr1: u64,
  addr_mask1: u64,
  bw_win: u32.doc('Capture window.'),
  win_capture: u32,
  id: u32.doc('Trace source id.'),
  control: u32.doc('Control register value.'),
  start_addr2: u64,
  end_addr2: u64,
  start_addr3: u64,
  end_addr3: u64,
}, { doc: 'Input of HL_DEBUG_OP_BMON (bus monitor): four address ranges to filter on and the capture window.' });

export const hl_debug_params_spmu = struct('hl_debug_params_spmu', {
  event_types: array(u64, HL_DEBUG_MAX_AUX_VALUES),
  event_types_num: u32.doc('Valid entries of event_types.'),
  pmtrc_val: u32,
  trc_ctrl_host_val: u32,
  trc_en_host_val: u32,
}, { doc: 'Input of HL_DEBUG_OP_SPMU (performance monitor unit).' });

export const hl_debug_args = struct('hl_debug_args', {
  input_ptr: u64.in()
    .userPointer({ lengthField: 'input_size', lengthUnit: 'bytes', dir: 'in' })
    .doc('Parameters of the op (an hl_debug_params_* struct).'),
  output_ptr: u64.in()
    .userPointer({ lengthField: 'output_size', lengthUnit: 'bytes', dir: 'out' })
    .doc('Buffer for the op\'s output, if it has one.'),
  input_size: u32.in(),
  output_size: u32.in(),
  op: u32.in().oneOf('hl_debug_op'),
  reg_idx: u32.in().doc('Register index of the component (ASIC-specific).'),
  enable: u32.in().doc('1 to enable, 0 to disable.'),
  ctx_id: u32.in().doc('Not used.'),
}, { doc: 'Argument of DRM_IOCTL_HL_DEBUG.' });
