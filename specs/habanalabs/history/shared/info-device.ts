import { array, bit, flags, s64, struct, u16, u32, u64, u8 } from 'uapi-harness/dsl';
// Frozen copy for the release history (see ../README.md): never edited to follow the current spec.
import { HL_CLK_THROTTLE_TYPE_MAX } from './enums';
import {
  HL_BUSY_ENGINES_MASK_EXT_SIZE, HL_INFO_CARD_NAME_MAX_LEN, HL_INFO_VERSION_MAX_LEN, HL_PLL_NUM_OUTPUTS,
} from './limits';

// What the device-description INFO opcodes return. The driver fills each struct in a zeroed kernel
// buffer and copies at most `hl_info_args.return_size` bytes of it to `return_pointer`, so every
// field here is output, and pad/reserved bytes come back as zero.

export const hl_info_hw_ip_info = struct('hl_info_hw_ip_info', {
  sram_base_address: u64.doc('First SRAM physical address free for the user.'),
  dram_base_address: u64.doc('First DRAM virtual address free for the user.'),
  dram_size: u64.doc('DRAM size available to the user.'),
  sram_size: u32.doc('SRAM size available to the user.'),
  num_of_events: u32.doc('Length of the HL_INFO_HW_EVENTS array, in __u32 counters.'),
  device_id: u32.doc('PCI device id.'),
  module_id: u32,
  decoder_enabled_mask: u32,
  first_available_interrupt_id: u16,
  server_type: u16.oneOf('hl_server_type'),
  cpld_version: u32,
  psoc_pci_pll_nr: u32,
  psoc_pci_pll_nf: u32,
  psoc_pci_pll_od: u32,
  psoc_pci_pll_div_factor: u32,
  tpc_enabled_mask: u8,
  dram_enabled: u8,
  security_enabled: u8,
  mme_master_slave_mode: u8,
  cpucp_version: array(u8, HL_INFO_VERSION_MAX_LEN).doc('Firmware version string, NUL-terminated.'),
  card_name: array(u8, HL_INFO_CARD_NAME_MAX_LEN),
  tpc_enabled_mask_ext: u64,
  dram_page_size: u64,
  edma_enabled_mask: u32,
  number_of_user_interrupts: u16,
  reserved1: u8.reserved(),
  reserved2: u8.reserved(),
  reserved3: u64.reserved(),
  device_mem_alloc_default_page_size: u64,
  reserved4: u64.reserved(),
  reserved5: u64.reserved(),
  reserved6: u32.reserved(),
  reserved7: u8.reserved(),
  revision_id: u8,
  tpc_interrupt_id: u16,
  rotator_enabled_mask: u32,
  reserved9: u32.reserved(),
  engine_core_interrupt_reg_addr: u64,
  reserved_dram_size: u64.doc('DRAM the driver keeps for itself at the start of DRAM.'),
}, { doc: 'HL_INFO_HW_IP_INFO: the device and its IP blocks. Grew at the end over the releases; reserved fields were given meanings in place.' });

export const hl_info_dram_usage = struct('hl_info_dram_usage', {
  dram_free_mem: u64,
  ctx_dram_mem: u64,
}, { doc: 'HL_INFO_DRAM_USAGE: free device DRAM and what the caller\'s context uses, where the driver manages DRAM.' });

export const hl_info_hw_idle = struct('hl_info_hw_idle', {
  is_idle: u32,
  busy_engines_mask: u32.doc('Busy engines, one bit per `<asic>_engine_id` below 32.'),
  busy_engines_mask_ext: array(u64, HL_BUSY_ENGINES_MASK_EXT_SIZE).doc('Busy engines, one bit per `<asic>_engine_id`.'),
}, { doc: 'HL_INFO_HW_IDLE: whether every engine is idle, and which are busy.' });

export const hl_info_device_status = struct('hl_info_device_status', {
  status: u32.oneOf('hl_device_status'),
  pad: u32.pad(),
}, { doc: 'HL_INFO_DEVICE_STATUS: the device state; answered even when the device is not operational.' });

export const hl_info_device_utilization = struct('hl_info_device_utilization', {
  utilization: u32.doc('Percentage of the period the device was busy.'),
  pad: u32.pad(),
}, { doc: 'HL_INFO_DEVICE_UTILIZATION: utilisation over `hl_info_args.period_ms`.' });

export const hl_info_clk_rate = struct('hl_info_clk_rate', {
  cur_clk_rate_mhz: u32,
  max_clk_rate_mhz: u32,
}, { doc: 'HL_INFO_CLK_RATE: current and maximum clock in MHz.' });

export const hl_info_reset_count = struct('hl_info_reset_count', {
  hard_reset_cnt: u32,
  soft_reset_cnt: u32,
}, { doc: 'HL_INFO_RESET_COUNT: resets since the driver was loaded.' });

export const hl_info_time_sync = struct('hl_info_time_sync', {
  device_time: u64,
  host_time: u64,
  tsc_time: u64,
}, { doc: 'HL_INFO_TIME_SYNC: device and host clocks read together.' });

export const hl_info_pci_counters = struct('hl_info_pci_counters', {
  rx_throughput: u64.doc('KB/s.'),
  tx_throughput: u64.doc('KB/s.'),
  replay_cnt: u64,
}, { doc: 'HL_INFO_PCI_COUNTERS.' });

export const hlClkThrottleReasons = flags('hl_clk_throttle_reasons', {
  HL_CLK_THROTTLE_POWER: bit(0),
  HL_CLK_THROTTLE_THERMAL: bit(1),
}, 'Bits of `hl_info_clk_throttle.clk_throttling_reason`, one per `hl_clk_throttling_type`.');

export const hl_info_clk_throttle = struct('hl_info_clk_throttle', {
  clk_throttling_reason: u32.flags('hl_clk_throttle_reasons'),
  pad: u32.pad(),
  clk_throttling_timestamp_us: array(u64, HL_CLK_THROTTLE_TYPE_MAX).doc('Start of each throttling cause, CPU time in us.'),
  clk_throttling_duration_ns: array(u64, HL_CLK_THROTTLE_TYPE_MAX),
}, { doc: 'HL_INFO_CLK_THROTTLE_REASON: why and since when the clock is throttled, per cause.' });

export const hl_info_energy = struct('hl_info_energy', {
  total_energy_consumption: u64,
}, { doc: 'HL_INFO_TOTAL_ENERGY.' });

export const hl_pll_frequency_info = struct('hl_pll_frequency_info', {
  output: array(u16, HL_PLL_NUM_OUTPUTS),
}, { doc: 'HL_INFO_PLL_FREQUENCY: the outputs of the PLL chosen by `hl_info_args.pll_index`.' });

export const hl_open_stats_info = struct('hl_open_stats_info', {
  open_counter: u64,
  last_open_period_ms: u64,
  is_compute_ctx_active: u8,
  compute_ctx_in_release: u8,
  pad: array(u8, 6).pad(),
}, { doc: 'HL_INFO_OPEN_STATS: how often and how long the device was opened.' });

export const hl_power_info = struct('hl_power_info', {
  power: u64,
}, { doc: 'HL_INFO_POWER: current power consumption.' });

export const hl_info_sync_manager = struct('hl_info_sync_manager', {
  first_available_sync_object: u32,
  first_available_monitor: u32,
  first_available_cq: u32,
  reserved: u32.reserved(),
}, { doc: 'HL_INFO_SYNC_MANAGER: first sync objects, monitors and CQs the user may use in the DCORE `hl_info_args.dcore_id`.' });

export const hl_info_cs_counters = struct('hl_info_cs_counters', {
  total_out_of_mem_drop_cnt: u64,
  ctx_out_of_mem_drop_cnt: u64,
  total_parsing_drop_cnt: u64,
  ctx_parsing_drop_cnt: u64,
  total_queue_full_drop_cnt: u64,
  ctx_queue_full_drop_cnt: u64,
  total_device_in_reset_drop_cnt: u64,
  ctx_device_in_reset_drop_cnt: u64,
  total_max_cs_in_flight_drop_cnt: u64,
  ctx_max_cs_in_flight_drop_cnt: u64,
  total_validation_drop_cnt: u64,
  ctx_validation_drop_cnt: u64,
}, { doc: 'HL_INFO_CS_COUNTERS: dropped submissions per cause, device-wide and for the caller\'s context, interleaved.' });

export const hl_info_last_err_open_dev_time = struct('hl_info_last_err_open_dev_time', {
  timestamp: s64,
}, { doc: 'HL_INFO_LAST_ERR_OPEN_DEV_TIME: when the device was last opened and then hit a CS timeout or RAZWI.' });
