import { constants } from 'uapi-harness/dsl';
// Frozen copy for the release history (see ../README.md): never edited to follow the current spec.

// Sizes and limits the header #defines. Each is exported under its C name so that the array lengths
// in the structs below read like the header and cannot drift from the constant the spec publishes.

/** ASIC-specific SRAM and sync-object reservations that userspace must respect. */
export const GOYA_KMD_SRAM_RESERVED_SIZE_FROM_START = 0x8000;
export const GAUDI_DRIVER_SRAM_RESERVED_SIZE_FROM_START = 0x80;
export const GAUDI_FIRST_AVAILABLE_W_S_SYNC_OBJECT = 144;
export const GAUDI_FIRST_AVAILABLE_W_S_MONITOR = 72;
export const TS_MAX_ELEMENTS_NUM = 1 << 20;

export const asicReservations = constants({
  GOYA_KMD_SRAM_RESERVED_SIZE_FROM_START,
  GAUDI_DRIVER_SRAM_RESERVED_SIZE_FROM_START,
  GAUDI_FIRST_AVAILABLE_W_S_SYNC_OBJECT,
  GAUDI_FIRST_AVAILABLE_W_S_MONITOR,
  TS_MAX_ELEMENTS_NUM,
});

/** Lengths of arrays in INFO return structs. */
export const HL_INFO_VERSION_MAX_LEN = 128;
export const HL_INFO_CARD_NAME_MAX_LEN = 16;
export const HL_BUSY_ENGINES_MASK_EXT_SIZE = 4;
export const HL_PLL_NUM_OUTPUTS = 4;
export const HL_RAZWI_MAX_NUM_OF_ENGINES_PER_RTR = 128;
export const MAX_QMAN_STREAMS_INFO = 4;
export const OPCODE_INFO_MAX_ADDR_SIZE = 8;
export const SEC_PCR_DATA_BUF_SZ = 256;
export const SEC_PCR_QUOTE_BUF_SZ = 510;
export const SEC_SIGNATURE_BUF_SZ = 255;
export const SEC_PUB_DATA_BUF_SZ = 510;
export const SEC_CERTIFICATE_BUF_SZ = 2046;
export const SEC_DEV_INFO_BUF_SZ = 5120;

// The header spells these two with kernel-internal macros (SZ_1M, U16_MAX), so a userspace compiler
// cannot evaluate them; the values are what those macros expand to in the kernel.
export const HL_ENGINES_DATA_MAX_SIZE = 0x100000;
export const HL_RAZWI_NA_ENG_ID = 0xffff;

export const infoLimits = constants({
  HL_INFO_VERSION_MAX_LEN,
  HL_INFO_CARD_NAME_MAX_LEN,
  HL_ENGINES_DATA_MAX_SIZE,
  HL_BUSY_ENGINES_MASK_EXT_SIZE,
  HL_PLL_NUM_OUTPUTS,
  HL_RAZWI_NA_ENG_ID,
  HL_RAZWI_MAX_NUM_OF_ENGINES_PER_RTR,
  MAX_QMAN_STREAMS_INFO,
  OPCODE_INFO_MAX_ADDR_SIZE,
  SEC_PCR_DATA_BUF_SZ,
  SEC_PCR_QUOTE_BUF_SZ,
  SEC_SIGNATURE_BUF_SZ,
  SEC_PUB_DATA_BUF_SZ,
  SEC_CERTIFICATE_BUF_SZ,
  SEC_DEV_INFO_BUF_SZ,
});

/** Limits of the command-buffer, submission, wait and debug ioctls. */
export const HL_MAX_CB_SIZE = 0x200000 - 32;
export const HL_MAX_JOBS_PER_CS = 512;
export const HL_WAIT_MULTI_CS_LIST_MAX_LEN = 32;
export const HL_DEBUG_MAX_AUX_VALUES = 10;

export const ioctlLimits = constants({
  HL_MAX_CB_SIZE,
  HL_MAX_JOBS_PER_CS,
  HL_WAIT_MULTI_CS_LIST_MAX_LEN,
  HL_DEBUG_MAX_AUX_VALUES,
});
