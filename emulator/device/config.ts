/** What a queue of the emulated device is for. */
export type QueueKind =
  /** DMA queue: takes user command buffers (by handle or device address). */
  | 'dma'
  /** Compute queue: same packet set; kept apart so engines show up separately in hw_idle. */
  | 'compute'
  /** The driver's own queue to the device CPU: user submissions to it are rejected. */
  | 'cpu';

export interface QueueConfig {
  readonly id: number;
  readonly kind: QueueKind;
  /** Bit of this queue's engine in hl_info_hw_idle.busy_engines_mask. */
  readonly engineBit: number;
}

/**
 * The emulated device: a small Gaudi2-like accelerator. Every size here is what INFO reports and
 * what the allocators enforce; tests shrink them to reach limits quickly.
 */
export interface DeviceConfig {
  readonly deviceId: number;
  readonly revisionId: number;
  readonly cardName: string;
  readonly firmwareVersion: string;
  /** Device DRAM in bytes, including what the driver reserves. */
  readonly dramSize: number;
  /** DRAM at the start kept for driver and firmware (hw_ip_info.reserved_dram_size). */
  readonly reservedDramSize: number;
  /** Base page of the DRAM allocator; also the default allocation page size. */
  readonly dramPageSize: number;
  /** Largest page size an allocation may ask for (power of two, multiple of dramPageSize). */
  readonly maxDramPageSize: number;
  readonly sramSize: number;
  readonly queues: readonly QueueConfig[];
  /** Submissions in flight per device before CS gives EAGAIN. */
  readonly maxCsInFlight: number;
  /** Jobs waiting per queue before CS gives EAGAIN (queue full). */
  readonly queueDepth: number;
  /** Kernel memory for command buffers, per device, before CB create gives ENOMEM. */
  readonly cbPoolBytes: number;
  /** Default submission timeout (the driver's `timeout_locked` parameter), seconds. */
  readonly csTimeoutSec: number;
  /** Completed submissions a context remembers before WAIT_CS reports them gone. */
  readonly csHistory: number;
  /** How many files may hold a compute context at once (the real driver allows one). */
  readonly maxComputeOpens: number;
  readonly syncObjects: number;
  /** Sync objects, monitors and CQs below these are the driver's (INFO sync_manager). */
  readonly firstUserSyncObject: number;
  readonly firstUserMonitor: number;
  readonly firstUserCq: number;
  readonly dcores: number;
  /** Register file size in bytes; offsets at or above securedRegisterBase are privileged. */
  readonly registerFileSize: number;
  readonly securedRegisterBase: number;
  readonly curClkMhz: number;
  readonly maxClkMhz: number;
  readonly plls: number;
  readonly numOfEvents: number;
}

export const DEFAULT_CONFIG: DeviceConfig = {
  deviceId: 0x1020,
  revisionId: 1,
  cardName: 'hl-emu',
  firmwareVersion: 'emu-fw-1.0.0',
  dramSize: 16 * 2 ** 30,
  reservedDramSize: 512 * 2 ** 20,
  dramPageSize: 2 * 2 ** 20,
  maxDramPageSize: 1 * 2 ** 30,
  sramSize: 48 * 2 ** 20,
  queues: [
    { id: 0, kind: 'dma', engineBit: 0 },
    { id: 1, kind: 'dma', engineBit: 1 },
    { id: 2, kind: 'dma', engineBit: 2 },
    { id: 3, kind: 'dma', engineBit: 3 },
    { id: 4, kind: 'cpu', engineBit: 4 },
    { id: 5, kind: 'compute', engineBit: 5 },
    { id: 6, kind: 'compute', engineBit: 6 },
    { id: 7, kind: 'compute', engineBit: 7 },
  ],
  maxCsInFlight: 256,
  queueDepth: 256,
  cbPoolBytes: 64 * 2 ** 20,
  csTimeoutSec: 30,
  csHistory: 1024,
  maxComputeOpens: 1,
  syncObjects: 2048,
  firstUserSyncObject: 256,
  firstUserMonitor: 128,
  firstUserCq: 8,
  dcores: 4,
  registerFileSize: 0x10000,
  securedRegisterBase: 0x2000,
  curClkMhz: 1600,
  maxClkMhz: 1800,
  plls: 4,
  numOfEvents: 64,
};

/** Device virtual address ranges of every context (below 2^53 so that they are exact numbers). */
export const VA = {
  /** Host memory mapped with HL_MEM_OP_MAP + HL_MEM_USERPTR. */
  hostBase: 0x1000_0000_0000,
  hostSize: 0x1000_0000_0000,
  /** Device memory mapped with HL_MEM_OP_MAP. */
  dramBase: 0x2000_0000_0000,
  dramSize: 0x1000_0000_0000,
  /** Command buffers created with HL_CB_FLAGS_MAP. */
  cbBase: 0x3000_0000_0000,
  cbSize: 0x0100_0000_0000,
} as const;

/**
 * Configuration-space blocks a user may map with HL_MEM_OP_MAP_BLOCK: block address → the register
 * offset it shows and its size. Both lie below the secured register range.
 */
export const USER_BLOCKS: ReadonlyMap<number, { readonly register: number; readonly size: number }> = new Map([
  [0xfc00_0000, { register: 0x0000, size: 0x1000 }],
  [0xfc00_1000, { register: 0x1000, size: 0x1000 }],
]);
