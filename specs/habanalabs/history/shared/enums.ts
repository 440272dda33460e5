import { enumeration } from 'uapi-harness/dsl';
// Frozen copy for the release history (see ../README.md): never edited to follow the current spec.

// Device-wide enums of the header that are not tied to one ASIC.

export const hl_device_status = enumeration('hl_device_status', {
  HL_DEVICE_STATUS_OPERATIONAL: 0,
  HL_DEVICE_STATUS_IN_RESET: 1,
  HL_DEVICE_STATUS_MALFUNCTION: 2,
  HL_DEVICE_STATUS_NEEDS_RESET: 3,
  HL_DEVICE_STATUS_IN_DEVICE_CREATION: 4,
  HL_DEVICE_STATUS_IN_RESET_AFTER_DEVICE_RELEASE: 5,
  // An alias of the last real status, not a count: it moves whenever a status is appended.
  HL_DEVICE_STATUS_LAST: 5,
}, { doc: 'What HL_INFO_DEVICE_STATUS reports in `hl_info_device_status.status`.' });

export const hl_server_type = enumeration('hl_server_type', {
  HL_SERVER_TYPE_UNKNOWN: 0,
  HL_SERVER_GAUDI_HLS1: 1,
  HL_SERVER_GAUDI_HLS1H: 2,
  HL_SERVER_GAUDI_TYPE1: 3,
  HL_SERVER_GAUDI_TYPE2: 4,
  HL_SERVER_GAUDI2_HLS2: 5,
  HL_SERVER_GAUDI2_TYPE1: 7,
}, { doc: 'Server board the device sits in, reported in `hl_info_hw_ip_info.server_type` (6 is unused).' });

/** Sizes the per-cause arrays of `hl_info_clk_throttle`. */
export const HL_CLK_THROTTLE_TYPE_MAX = 2;

export const hl_clk_throttling_type = enumeration('hl_clk_throttling_type', {
  HL_CLK_THROTTLE_TYPE_POWER: 0,
  HL_CLK_THROTTLE_TYPE_THERMAL: 1,
  HL_CLK_THROTTLE_TYPE_MAX,
}, { doc: 'Causes of clock throttling: bit numbers of the reason mask and indices of the per-cause arrays of `hl_info_clk_throttle`.' });

export const hl_info_fw_err_type = enumeration('hl_info_fw_err_type', {
  HL_INFO_FW_HEARTBEAT_ERR: 0,
  HL_INFO_FW_REPORTED_ERR: 1,
}, { doc: 'Kind of firmware error in `hl_info_fw_err_event.err_type`.' });

export const hl_engine_command = enumeration('hl_engine_command', {
  HL_ENGINE_CORE_HALT: 1,
  HL_ENGINE_CORE_RUN: 2,
  HL_ENGINE_STALL: 3,
  HL_ENGINE_RESUME: 4,
  HL_ENGINE_COMMAND_MAX: 5,
}, { doc: 'Commands of an engine-control submission: HALT/RUN for engine cores, STALL/RESUME for engines.' });
