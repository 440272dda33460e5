import type { DeviceConfig } from '../../../../emulator/device/config';

const MB = 2 ** 20;

/**
 * The emulated hardware the suite runs on. Smaller than the default device so that exhaustion is
 * reachable in a few calls, with two compute opens allowed so that handles and memory of one file
 * can be tried from another (the real driver allows one open per device; two devices could not share
 * handles at all, which would test nothing).
 */
export const SUITE_CONFIG: Partial<DeviceConfig> = {
  maxComputeOpens: 2,
  dramSize: 512 * MB,
  reservedDramSize: 64 * MB,
  dramPageSize: 2 * MB,
  maxDramPageSize: 8 * MB,
  csTimeoutSec: 5,
};
