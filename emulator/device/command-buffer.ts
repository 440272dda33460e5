import { PAGE_SIZE } from '../process/address-space';

/** What a command buffer of `size` bytes occupies: at least a page, rounded up to pages. */
export function cbAllocSize(size: number): number {
  return Math.max(PAGE_SIZE, Math.ceil(size / PAGE_SIZE) * PAGE_SIZE);
}

/**
 * A command buffer: kernel memory the owner mmaps to write packets into, then names in a submission
 * chunk. It lives until destroyed and no submission or mapping holds it.
 */
export class CommandBuffer {
  readonly handle: bigint;
  /** Size the user asked for. */
  readonly size: number;
  /** What is allocated (and must be mmapped): at least a page, rounded up to pages. */
  readonly allocSize: number;
  readonly bytes: Uint8Array;
  /** Device VA when created with HL_CB_FLAGS_MAP. */
  deviceVa: number | undefined;
  /** Submissions in flight that use it (hl_cb_out.usage_cnt). */
  csRefs = 0;
  destroyed = false;

  constructor(handle: bigint, size: number) {
    this.handle = handle;
    this.size = size;
    this.allocSize = cbAllocSize(size);
    this.bytes = new Uint8Array(this.allocSize);
  }
}
