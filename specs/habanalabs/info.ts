import { anonymous, struct, u32, u64, union, values } from 'uapi-harness/dsl';
import {
  hl_info_clk_rate, hl_info_clk_throttle, hl_info_cs_counters, hl_info_device_status, hl_info_device_utilization,
  hl_info_dram_usage, hl_info_energy, hl_info_hw_idle, hl_info_hw_ip_info, hl_info_last_err_open_dev_time,
  hl_info_pci_counters, hl_info_reset_count, hl_info_sync_manager, hl_info_time_sync, hl_open_stats_info,
  hl_pll_frequency_info, hl_power_info,
} from './info-device';
import {
  hl_info_cs_timeout_event, hl_info_dev_memalloc_page_sizes, hl_info_engine_err_event, hl_info_fw_err_event,
  hl_info_hw_err_event, hl_info_razwi_event, hl_info_undefined_opcode_event, hl_page_fault_info,
} from './info-events';
import { hl_info_sec_attest, hl_info_signed } from './info-security';

// DRM_IOCTL_HL_INFO: one ioctl, many queries. `op` picks the query; the answer is written to the
// caller's buffer at `return_pointer`, clamped to `return_size`, so an old binary with a smaller
// struct still gets the prefix it knows.

/**
 * INFO opcodes. Opcodes whose answer is not a struct of this header carry no payload: HW_EVENTS and
 * HW_EVENTS_AGGREGATE (__u32 array of hl_info_hw_ip_info.num_of_events counters), DRAM_REPLACED_ROWS
 * (a firmware struct), DRAM_PENDING_ROWS (__u32), GET_EVENTS (__u64 mask of hl_notifier_events),
 * ENGINE_STATUS (text), USER_MAPPINGS (array of hl_user_mapping), FW_GENERIC_REQ (firmware-defined),
 * REGISTER/UNREGISTER_EVENTFD (no answer). 5, 19, 20 and 39 are unused.
 */
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
  HL_INFO_PLL_FREQUENCY: { value: 16, payload: hl_pll_frequency_info },
  HL_INFO_POWER: { value: 17, payload: hl_power_info },
  HL_INFO_OPEN_STATS: { value: 18, payload: hl_open_stats_info },
  HL_INFO_DRAM_REPLACED_ROWS: 21,
  HL_INFO_DRAM_PENDING_ROWS: 22,
  HL_INFO_LAST_ERR_OPEN_DEV_TIME: { value: 23, payload: hl_info_last_err_open_dev_time },
  HL_INFO_CS_TIMEOUT_EVENT: { value: 24, payload: hl_info_cs_timeout_event },
  HL_INFO_RAZWI_EVENT: { value: 25, payload: hl_info_razwi_event },
  HL_INFO_DEV_MEM_ALLOC_PAGE_SIZES: { value: 26, payload: hl_info_dev_memalloc_page_sizes },
  HL_INFO_SECURED_ATTESTATION: { value: 27, payload: hl_info_sec_attest },
  HL_INFO_REGISTER_EVENTFD: { value: 28, doc: 'Registers `hl_info_args.eventfd` for notifier events.' },
  HL_INFO_UNREGISTER_EVENTFD: 29,
  HL_INFO_GET_EVENTS: 30,
  HL_INFO_UNDEFINED_OPCODE_EVENT: { value: 31, payload: hl_info_undefined_opcode_event },
  HL_INFO_ENGINE_STATUS: { value: 32, doc: 'Text into the caller\'s buffer; length written back to user_buffer_actual_size.' },
  HL_INFO_PAGE_FAULT_EVENT: { value: 33, payload: hl_page_fault_info },
  HL_INFO_USER_MAPPINGS: { value: 34, doc: 'Array of hl_user_mapping; count written back to array_size.' },
  HL_INFO_FW_GENERIC_REQ: 35,
  HL_INFO_HW_ERR_EVENT: { value: 36, payload: hl_info_hw_err_event },
  HL_INFO_FW_ERR_EVENT: { value: 37, payload: hl_info_fw_err_event },
  HL_INFO_USER_ENGINE_ERR_EVENT: { value: 38, payload: hl_info_engine_err_event },
  HL_INFO_DEV_SIGNED: { value: 40, payload: hl_info_signed },
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
    eventfd: u32.in().doc('eventfd to register for HL_INFO_REGISTER_EVENTFD.'),
    user_buffer_actual_size: u32.out().doc('Bytes the driver actually wrote to the buffer.'),
    sec_attest_nonce: u32.in().doc('Nonce for the attestation opcodes.'),
    array_size: u32.out().doc('Array elements the driver wrote (HL_INFO_USER_MAPPINGS).'),
    fw_sub_opcode: u32.in().doc('Sub-opcode of HL_INFO_FW_GENERIC_REQ.'),
  })),
  pad: u32.pad(),
}, { doc: 'Argument of DRM_IOCTL_HL_INFO.' });
