import type { DeviceMemory } from './dram';

/** A device-memory allocation (HL_MEM_OP_ALLOC): physical pages, addressed by offset. */
export class DramAllocation {
  readonly handle: bigint;
  /** Bytes asked for, and bytes allocated (rounded up to the page size). */
  readonly size: number;
  readonly allocSize: number;
  readonly pageSize: number;
  readonly pages: Int32Array;
  readonly memory: DeviceMemory;
  /** Mappings into a context's VA space; a mapped allocation cannot be freed. */
  mapped = 0;
  freed = false;

  constructor(handle: bigint, size: number, allocSize: number, pageSize: number, pages: Int32Array, memory: DeviceMemory) {
    this.handle = handle;
    this.size = size;
    this.allocSize = allocSize;
    this.pageSize = pageSize;
    this.pages = pages;
    this.memory = memory;
  }

  read(offset: number, dst: Uint8Array, dstOffset: number, length: number): void {
    this.each(offset, length, (phys, at, n) => this.memory.read(phys, dst, dstOffset + at, n));
  }

  write(offset: number, src: Uint8Array, srcOffset: number, length: number): void {
    this.each(offset, length, (phys, at, n) => this.memory.write(phys, src, srcOffset + at, n));
  }

  private each(offset: number, length: number, f: (phys: number, at: number, n: number) => void): void {
    const base = this.memory.pageSize;
    let at = 0;
    while (at < length) {
      const o = offset + at;
      const page = this.pages[Math.floor(o / base)] as number;
      const inPage = o % base;
      const n = Math.min(length - at, base - inPage);
      f(page * base + inPage, at, n);
      at += n;
    }
  }
}
