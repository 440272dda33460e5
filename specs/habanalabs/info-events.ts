import { array, bit, flags, s64, struct, u16, u32, u64, u8 } from 'uapi-harness/dsl';
import { HL_RAZWI_MAX_NUM_OF_ENGINES_PER_RTR, MAX_QMAN_STREAMS_INFO, OPCODE_INFO_MAX_ADDR_SIZE } from './limits';

// What the error-event INFO opcodes return: the last captured event of each kind. A zero timestamp
// means nothing new was captured. As for every INFO payload, all fields are output.

export const hl_info_cs_timeout_event = struct('hl_info_cs_timeout_event', {
  timestamp: s64,
  seq: u64.doc('Sequence number of the submission that timed out.'),
}, { doc: 'HL_INFO_CS_TIMEOUT_EVENT: the last command-submission timeout.' });

// The header spells these with the kernel-internal BIT() macro; the values are BIT(n) = 1 << n.
export const hlRazwiFlags = flags('hl_razwi_flags', {
  HL_RAZWI_READ: bit(0),
  HL_RAZWI_WRITE: bit(1),
  HL_RAZWI_LBW: bit(2),
  HL_RAZWI_HBW: bit(3),
  HL_RAZWI_RR: bit(4),
  HL_RAZWI_ADDR_DEC: bit(5),
}, 'What caused a RAZWI (illegal access), in `hl_info_razwi_event.flags`; ASICs that cannot tell leave bits clear.');

export const hl_info_razwi_event = struct('hl_info_razwi_event', {
  timestamp: s64,
  addr: u64.doc('The address whose access caused the RAZWI.'),
  engine_id: array(u16, HL_RAZWI_MAX_NUM_OF_ENGINES_PER_RTR).doc('Possible initiators; HL_RAZWI_NA_ENG_ID where an initiator has no engine id.'),
  num_of_possible_engines: u16.doc('How many entries of engine_id are valid.'),
  flags: u8.flags('hl_razwi_flags'),
  pad: array(u8, 5).pad(),
}, {
  doc: 'HL_INFO_RAZWI_EVENT: the last illegal (read-as-zero, write-ignored) access. '
    + 'Redesigned in 6.3 (24 -> 280 bytes) under the same opcode.',
});

export const hl_info_undefined_opcode_event = struct('hl_info_undefined_opcode_event', {
  timestamp: s64,
  cb_addr_streams: array(array(u64, OPCODE_INFO_MAX_ADDR_SIZE), MAX_QMAN_STREAMS_INFO)
    .doc('Per stream, the command-buffer addresses queued when the error hit.'),
  cq_addr: u64,
  cq_size: u32,
  cb_addr_streams_len: u32.doc('Valid streams in cb_addr_streams: 1 for an upper-CP error, 4 for a lower-CP one.'),
  engine_id: u32,
  stream_id: u32.doc('MAX_QMAN_STREAMS_INFO when the error was in the lower CP.'),
}, { doc: 'HL_INFO_UNDEFINED_OPCODE_EVENT: the last undefined-opcode error of a queue manager.' });

export const hl_info_hw_err_event = struct('hl_info_hw_err_event', {
  timestamp: s64,
  event_id: u16.doc('Device-specific asynchronous event id.'),
  pad: array(u16, 3).pad(),
}, { doc: 'HL_INFO_HW_ERR_EVENT: the last reported hardware error.' });

export const hl_info_fw_err_event = struct('hl_info_fw_err_event', {
  timestamp: s64,
  err_type: u16.oneOf('hl_info_fw_err_type'),
  event_id: u16.doc('Meaningful only for HL_INFO_FW_REPORTED_ERR.'),
  pad: u32.pad(),
}, { doc: 'HL_INFO_FW_ERR_EVENT: the last firmware error.' });

export const hl_info_engine_err_event = struct('hl_info_engine_err_event', {
  timestamp: s64,
  engine_id: u16,
  error_count: u16,
  pad: u32.pad(),
}, { doc: 'HL_INFO_USER_ENGINE_ERR_EVENT: the last engine that reported an error.' });

export const hl_page_fault_info = struct('hl_page_fault_info', {
  timestamp: s64,
  addr: u64,
  engine_id: u16.doc('Filled on Gaudi3 only.'),
  pad: array(u8, 6).pad(),
}, { doc: 'HL_INFO_PAGE_FAULT_EVENT: the last captured MMU page fault.' });

export const hl_user_mapping = struct('hl_user_mapping', {
  dev_va: u64,
  size: u64,
}, { doc: 'HL_INFO_USER_MAPPINGS returns an array of these (count in `hl_info_args.array_size`): the mappings captured at the last page fault.' });

export const hl_info_dev_memalloc_page_sizes = struct('hl_info_dev_memalloc_page_sizes', {
  page_order_bitmask: u64.doc('Bit n set: pages of 2^n bytes may be allocated.'),
}, { doc: 'HL_INFO_DEV_MEM_ALLOC_PAGE_SIZES: page sizes HL_MEM_OP_ALLOC accepts.' });

export const hlNotifierEvents = flags('hl_notifier_events', {
  HL_NOTIFIER_EVENT_TPC_ASSERT: bit(0),
  HL_NOTIFIER_EVENT_UNDEFINED_OPCODE: bit(1),
  HL_NOTIFIER_EVENT_DEVICE_RESET: bit(2),
  HL_NOTIFIER_EVENT_CS_TIMEOUT: bit(3),
  HL_NOTIFIER_EVENT_DEVICE_UNAVAILABLE: bit(4),
  HL_NOTIFIER_EVENT_USER_ENGINE_ERR: bit(5),
  HL_NOTIFIER_EVENT_GENERAL_HW_ERR: bit(6),
  HL_NOTIFIER_EVENT_RAZWI: bit(7),
  HL_NOTIFIER_EVENT_PAGE_FAULT: bit(8),
  HL_NOTIFIER_EVENT_CRITICL_HW_ERR: bit(9),
  HL_NOTIFIER_EVENT_CRITICL_FW_ERR: bit(10),
}, 'Events signalled through the registered eventfd and returned as a __u64 mask by HL_INFO_GET_EVENTS (CRITICL is the header\'s spelling).');
