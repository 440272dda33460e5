import { constants, defineSpec } from 'uapi-harness/dsl';

/**
 * Real break 2 (5.10 -> 5.13): the exported GAUDI_FIRST_AVAILABLE_W_S_SYNC_OBJECT went 48 -> 144 and
 * GAUDI_FIRST_AVAILABLE_W_S_MONITOR 24 -> 72: userspace built with the old values used sync objects
 * and monitors the driver now kept for itself.
 *
 * Replayed against the current spec (which has 144 and 72) as the same pair of values: the candidate
 * declares the 5.10 ones. Either direction, binaries built with one header pass the other's numbers.
 */

export const asicReservations = constants({
  GAUDI_FIRST_AVAILABLE_W_S_SYNC_OBJECT: 48,
  GAUDI_FIRST_AVAILABLE_W_S_MONITOR: 24,
});

export const edits = defineSpec({ name: 'habanalabs', version: '1.5.0', constants: [asicReservations] });
