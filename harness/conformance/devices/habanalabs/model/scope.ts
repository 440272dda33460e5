/**
 * What the emulated device implements of the habanalabs uAPI, and so what the model predicts, by the
 * spec's constant names (values come from the spec, so a renumbering follows). The argument-level
 * properties need none of this: they derive everything from the annotations. The model is about
 * behaviour, and the spec does not say which ops a simplified device serves; this table says it
 * once, with the reason, instead of scattering it through the commands.
 */
export const EMULATED_SCOPE = {
  /**
   * cs_flags of a plain submission, the only kind the emulated queues run. The other hl_cs_flags
   * members select signal/wait, staged, encapsulated-signal and engine-command submissions, which
   * the emulated device rejects with the spec's badValue errno (emulator/ioctls/cs.ts).
   */
  csFlagsGroup: 'hl_cs_flags',
  csFlagsSupported: ['HL_CS_FLAGS_FORCE_RESTORE', 'HL_CS_FLAGS_TIMESTAMP', 'HL_CS_FLAGS_CUSTOM_TIMEOUT', 'HL_CS_FLAGS_SKIP_RESET_ON_TIMEOUT'],
  /** INFO opcodes served by firmware the emulated device does not have: the spec's unsupported errno. */
  infoUnsupported: ['HL_INFO_DRAM_REPLACED_ROWS', 'HL_INFO_SECURED_ATTESTATION', 'HL_INFO_FW_GENERIC_REQ', 'HL_INFO_DEV_SIGNED'],
  /** INFO opcodes without a payload type that still answer into the caller's buffer (arrays, text, a mask). */
  infoBufferOps: ['HL_INFO_HW_EVENTS', 'HL_INFO_HW_EVENTS_AGGREGATE', 'HL_INFO_ENGINE_STATUS', 'HL_INFO_DRAM_PENDING_ROWS', 'HL_INFO_GET_EVENTS'],
  /** INFO opcodes whose answer depends on page faults the model does not track: only the universal invariants apply. */
  infoLoose: ['HL_INFO_USER_MAPPINGS'],
  /** eventfd registration is per file: register twice is the busy errno, unregister without one badValue. */
  infoRegister: 'HL_INFO_REGISTER_EVENTFD',
  infoUnregister: 'HL_INFO_UNREGISTER_EVENTFD',
  /**
   * INFO opcodes that validate the per-op input (the union after `op`): the utilisation period is
   * 100..1000 ms in steps of 100 (its doc), the DCORE and the PLL index must exist on the device.
   * Out of range is the spec's outOfRange errno (D9 for the period).
   */
  infoPeriod: 'HL_INFO_DEVICE_UTILIZATION',
  infoDcore: 'HL_INFO_SYNC_MANAGER',
  infoPll: 'HL_INFO_PLL_FREQUENCY',
  /** INFO answers the model checks against its own books. */
  infoDramUsage: 'HL_INFO_DRAM_USAGE',
  infoDeviceStatus: 'HL_INFO_DEVICE_STATUS',
  infoHwIp: 'HL_INFO_HW_IP_INFO',
  infoPageSizes: 'HL_INFO_DEV_MEM_ALLOC_PAGE_SIZES',
  infoSyncManager: 'HL_INFO_SYNC_MANAGER',
} as const;
