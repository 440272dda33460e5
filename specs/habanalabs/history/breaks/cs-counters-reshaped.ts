import { defineSpec, field, struct, u64 } from 'uapi-harness/dsl';

/**
 * Real break 1 (5.10 -> 5.13): struct hl_info_cs_counters, the answer of INFO opcode 11, went from
 * two nested 5 x __u64 structs (device-wide, then the caller's context) to 12 interleaved __u64
 * (total_x, ctx_x, ...), 80 -> 96 bytes, under the same opcode: a binary built against 5.10 read
 * ctx_out_of_mem_drop_cnt where it expected parsing_drop_cnt, and so on.
 *
 * Replayed against the current spec (the interleaved shape) as the same pair of layouts: the
 * candidate brings back the nested 5.10 shape under HL_INFO_CS_COUNTERS.
 */

export const hl_cs_counters = struct('hl_cs_counters', {
  out_of_mem_drop_cnt: u64,
  parsing_drop_cnt: u64,
  queue_full_drop_cnt: u64,
  device_in_reset_drop_cnt: u64,
  max_cs_in_flight_drop_cnt: u64,
}, { doc: 'Dropped submissions per cause.' });

export const hl_info_cs_counters = struct('hl_info_cs_counters', {
  cs_counters: field(hl_cs_counters).doc('Device-wide.'),
  ctx_cs_counters: field(hl_cs_counters).doc('The caller\'s context.'),
}, { doc: 'HL_INFO_CS_COUNTERS: dropped submissions per cause, device-wide and for the caller\'s context.' });

export const edits = defineSpec({ name: 'habanalabs', version: '1.5.0', types: [hl_info_cs_counters] });

/**
 * The same reshape without the size change, the harder case for a differ that keys on sizes: the
 * current twelve counters regrouped as two nested structs of six. Still 96 bytes under opcode 11,
 * and still the wrong counter at most offsets for a binary built against either shape.
 */
export const hl_cs_counters_of_six = struct('hl_cs_counters', {
  out_of_mem_drop_cnt: u64,
  parsing_drop_cnt: u64,
  queue_full_drop_cnt: u64,
  device_in_reset_drop_cnt: u64,
  max_cs_in_flight_drop_cnt: u64,
  validation_drop_cnt: u64,
}, { doc: 'Dropped submissions per cause.' });

export const hl_info_cs_counters_same_size = struct('hl_info_cs_counters', {
  cs_counters: field(hl_cs_counters_of_six).doc('Device-wide.'),
  ctx_cs_counters: field(hl_cs_counters_of_six).doc('The caller\'s context.'),
}, { doc: 'HL_INFO_CS_COUNTERS: dropped submissions per cause, device-wide and for the caller\'s context.' });

export const editsSameSize = defineSpec({ name: 'habanalabs', version: '1.5.0', types: [hl_info_cs_counters_same_size] });
