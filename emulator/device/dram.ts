import { copyBytes } from '../process/copy-bytes';

/** Backing store granule: only chunks that were written exist, so 16 GiB of DRAM costs nothing. */
const CHUNK = 64 * 1024;

/**
 * Device DRAM: a page allocator over [reserved, size) and a sparse backing store. Pages are
 * `pageSize` bytes; an allocation is a list of physical pages (contiguous only when asked). Reads of
 * never-written memory return zeros. Released pages are scrubbed (their chunks dropped) unless the
 * caller says otherwise, so no context sees another's data.
 */
export class DeviceMemory {
  readonly pageSize: number;
  readonly totalPages: number;
  /** Pages below this are the driver's (hw_ip_info.reserved_dram_size). */
  readonly firstUserPage: number;
  private readonly used: Uint8Array;
  private freePages: number;
  private readonly chunks = new Map<number, Uint8Array>();

  constructor(size: number, reserved: number, pageSize: number) {
    this.pageSize = pageSize;
    this.totalPages = Math.floor(size / pageSize);
    this.firstUserPage = Math.ceil(reserved / pageSize);
    this.used = new Uint8Array(this.totalPages);
    this.used.fill(1, 0, this.firstUserPage);
    this.freePages = this.totalPages - this.firstUserPage;
  }

  get freeBytes(): number {
    return this.freePages * this.pageSize;
  }

  /** Bytes of backing store in use (bounded by what was written, not by DRAM size). */
  get residentBytes(): number {
    return this.chunks.size * CHUNK;
  }

  /**
   * Allocates `groups` runs of `groupPages` pages, each run aligned to its length; with `contiguous`
   * all runs are adjacent. Undefined when there is not enough (contiguous) free memory.
   */
  allocate(groups: number, groupPages: number, contiguous: boolean): Int32Array | undefined {
    const count = groups * groupPages;
    if (count > this.freePages) return undefined;
    const pages = new Int32Array(count);
    if (contiguous) {
      const start = this.findRun(count, groupPages);
      if (start < 0) return undefined;
      for (let i = 0; i < count; i++) pages[i] = start + i;
    } else {
      let n = 0;
      for (let p = this.alignUp(this.firstUserPage, groupPages); n < count && p + groupPages <= this.totalPages; p += groupPages) {
        if (!this.runFree(p, groupPages)) continue;
        for (let i = 0; i < groupPages; i++) pages[n++] = p + i;
      }
      if (n < count) return undefined;
    }
    for (const p of pages) this.used[p] = 1;
    this.freePages -= count;
    return pages;
  }

  /** Returns pages to the allocator; `scrub` drops their contents (the default, and what a driver must do). */
  release(pages: Int32Array, scrub: boolean): void {
    for (const p of pages) {
      if (this.used[p] !== 1 || p < this.firstUserPage) continue;
      this.used[p] = 0;
      this.freePages += 1;
      if (scrub) this.scrubPage(p);
    }
  }

  read(phys: number, dst: Uint8Array, dstOffset: number, length: number): void {
    this.eachChunk(phys, length, (chunk, _index, offset, at, n) => {
      if (chunk === undefined) dst.fill(0, dstOffset + at, dstOffset + at + n);
      else copyBytes(dst, dstOffset + at, chunk, offset, n);
    });
  }

  write(phys: number, src: Uint8Array, srcOffset: number, length: number): void {
    this.eachChunk(phys, length, (chunk, index, offset, at, n) => {
      let c = chunk;
      if (c === undefined) {
        c = new Uint8Array(CHUNK);
        this.chunks.set(index, c);
      }
      copyBytes(c, offset, src, srcOffset + at, n);
    });
  }

  private eachChunk(phys: number, length: number, f: (chunk: Uint8Array | undefined, index: number, offset: number, at: number, n: number) => void): void {
    let at = 0;
    while (at < length) {
      const a = phys + at;
      const index = Math.floor(a / CHUNK);
      const offset = a - index * CHUNK;
      const n = Math.min(length - at, CHUNK - offset);
      f(this.chunks.get(index), index, offset, at, n);
      at += n;
    }
  }

  private scrubPage(p: number): void {
    const first = (p * this.pageSize) / CHUNK;
    const count = this.pageSize / CHUNK;
    if (this.chunks.size < count) {
      for (const k of [...this.chunks.keys()]) if (k >= first && k < first + count) this.chunks.delete(k);
      return;
    }
    for (let k = first; k < first + count; k++) this.chunks.delete(k);
  }

  private alignUp(p: number, a: number): number {
    return Math.ceil(p / a) * a;
  }

  private runFree(start: number, n: number): boolean {
    for (let i = start; i < start + n; i++) if (this.used[i] !== 0) return false;
    return true;
  }

  private findRun(count: number, align: number): number {
    for (let p = this.alignUp(this.firstUserPage, align); p + count <= this.totalPages; p += align) {
      if (this.runFree(p, count)) return p;
    }
    return -1;
  }
}
