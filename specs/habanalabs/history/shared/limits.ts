// Frozen copy for the release history (see ../README.md): never edited to follow the current spec.

// Sizes and limits the header #defines that the history's structs use, each under its C name.

/** ASIC-specific SRAM and sync-object reservations that userspace must respect. */
export const GOYA_KMD_SRAM_RESERVED_SIZE_FROM_START = 0x8000;
export const GAUDI_DRIVER_SRAM_RESERVED_SIZE_FROM_START = 0x80;
export const GAUDI_FIRST_AVAILABLE_W_S_SYNC_OBJECT = 144;
export const GAUDI_FIRST_AVAILABLE_W_S_MONITOR = 72;

/** Lengths of arrays in INFO return structs. */
export const HL_INFO_VERSION_MAX_LEN = 128;
export const HL_INFO_CARD_NAME_MAX_LEN = 16;
export const HL_BUSY_ENGINES_MASK_EXT_SIZE = 4;
export const HL_PLL_NUM_OUTPUTS = 4;

/** Limits of the command-buffer, submission, wait and debug ioctls. */
// The header spells it with the kernel-internal SZ_2M; the value is what that expands to.
export const HL_MAX_CB_SIZE = 0x200000 - 32;
export const HL_MAX_JOBS_PER_CS = 512;
export const HL_WAIT_MULTI_CS_LIST_MAX_LEN = 32;
export const HL_DEBUG_MAX_AUX_VALUES = 10;
