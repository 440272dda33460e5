import { defineSpec, flags } from 'uapi-harness/dsl';

/**
 * A break seen in the driver's development history: a new CS flag was given a bit an existing flag
 * already had (0x400) before review moved it. A binary setting SKIP_RESET_ON_TIMEOUT would also have
 * asked for the new behaviour.
 *
 * Replayed against the current spec: the current CS flags, plus a new one on bit 0x400. Its name is
 * made up; what matters is the bit.
 */

export const hlCsFlags = flags('hl_cs_flags', {
  HL_CS_FLAGS_FORCE_RESTORE: 0x1,
  HL_CS_FLAGS_SIGNAL: 0x2,
  HL_CS_FLAGS_WAIT: 0x4,
  HL_CS_FLAGS_COLLECTIVE_WAIT: 0x8,
  HL_CS_FLAGS_TIMESTAMP: 0x20,
  HL_CS_FLAGS_STAGED_SUBMISSION: 0x40,
  HL_CS_FLAGS_STAGED_SUBMISSION_FIRST: 0x80,
  HL_CS_FLAGS_STAGED_SUBMISSION_LAST: 0x100,
  HL_CS_FLAGS_CUSTOM_TIMEOUT: 0x200,
  HL_CS_FLAGS_SKIP_RESET_ON_TIMEOUT: 0x400,
  HL_CS_FLAGS_ENCAP_SIGNALS: 0x800,
  HL_CS_FLAGS_RESERVE_SIGNALS_ONLY: 0x1000,
  HL_CS_FLAGS_UNRESERVE_SIGNALS_ONLY: 0x2000,
  HL_CS_FLAGS_ENGINE_CORE_COMMAND: 0x4000,
  HL_CS_FLAGS_FLUSH_PCI_HBW_WRITES: 0x8000,
  HL_CS_FLAGS_ENGINES_COMMAND: 0x10000,
  HL_CS_FLAGS_NEW_FEATURE: 0x400, // The colliding newcomer.
}, 'Flags of `hl_cs_in.cs_flags` (0x10 is unused).');

export const edits = defineSpec({ name: 'habanalabs', version: '1.5.0', constants: [hlCsFlags] });
