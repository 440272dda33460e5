import { E, fail, ok, type Errno, type SysResult } from '../errno';
import { copyBytes } from './copy-bytes';

/** One mapping of a process: `size` bytes from `start`, backed by `bytes` (shared when mmapped from a device). */
export interface Region {
  readonly start: number;
  readonly end: number;
  readonly bytes: Uint8Array;
  readonly view: DataView;
  readonly writable: boolean;
  /** What the mapping is, for messages and tests (`anon`, `cb`, ...). */
  readonly label: string;
}

export interface MapOptions {
  /** Fixed address (page-aligned, free); otherwise the first free range from the mmap base. */
  readonly at?: number;
  readonly writable?: boolean;
  /** Share these bytes instead of allocating (mmap of a device buffer); at least the rounded length. */
  readonly backing?: Uint8Array;
  readonly label?: string;
}

export const PAGE_SIZE = 4096;
const pageUp = (n: number): number => Math.ceil(n / PAGE_SIZE) * PAGE_SIZE;

/**
 * The user address space of an emulated process: page-granular regions, and the two primitives the
 * kernel uses on it. `copyIn`/`copyOut` are all-or-nothing: when any byte of the range is unmapped
 * (or, for `copyOut`, read-only) nothing is copied and the caller answers EFAULT.
 */
export class AddressSpace {
  /** First address past the user range: 4 GiB for 32-bit processes, 128 TiB for 64-bit ones. */
  readonly limit: number;
  private readonly mmapBase: number;
  private readonly regions: Region[] = [];
  private last: Region | undefined;

  constructor(pointerBytes: 4 | 8) {
    this.limit = pointerBytes === 4 ? 2 ** 32 : 2 ** 47;
    this.mmapBase = pointerBytes === 4 ? 0x4000_0000 : 0x7f00_0000_0000;
  }

  /** Maps `length` bytes (rounded up to pages); returns the start address, or EINVAL/ENOMEM. */
  map(length: number, options: MapOptions = {}): SysResult<number> {
    if (!Number.isSafeInteger(length) || length <= 0) return fail(E.EINVAL);
    const size = pageUp(length);
    if (options.backing !== undefined && options.backing.length < size) return fail(E.EINVAL);
    let start: number;
    if (options.at !== undefined) {
      start = options.at;
      if (!Number.isSafeInteger(start) || start % PAGE_SIZE !== 0 || start < PAGE_SIZE || start + size > this.limit) return fail(E.EINVAL);
      if (!this.isFree(start, size)) return fail(E.EEXIST);
    } else {
      const found = this.findFree(size);
      if (found === undefined) return fail(E.ENOMEM);
      start = found;
    }
    const bytes = options.backing ?? new Uint8Array(size);
    const region: Region = {
      start, end: start + size, bytes, view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      writable: options.writable ?? true, label: options.label ?? 'anon',
    };
    const i = this.regions.findIndex((r) => r.start > start);
    this.regions.splice(i < 0 ? this.regions.length : i, 0, region);
    return ok(start);
  }

  /** Removes the region that starts at `start` (munmap of a whole mapping). */
  unmap(start: number): Errno {
    const i = this.regions.findIndex((r) => r.start === start);
    if (i < 0) return E.EINVAL;
    if (this.last === this.regions[i]) this.last = undefined;
    this.regions.splice(i, 1);
    return 0;
  }

  /** The region holding `addr`, if any. */
  region(addr: number): Region | undefined {
    const l = this.last;
    if (l !== undefined && addr >= l.start && addr < l.end) return l;
    let lo = 0;
    let hi = this.regions.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = this.regions[mid] as Region;
      if (addr < r.start) hi = mid - 1;
      else if (addr >= r.end) lo = mid + 1;
      else {
        this.last = r;
        return r;
      }
    }
    return undefined;
  }

  /** Whether every byte of [addr, addr+length) is mapped (and writable, when asked). */
  accessible(addr: number, length: number, write: boolean): boolean {
    if (!Number.isSafeInteger(addr) || addr < 0 || length < 0) return false;
    let a = addr;
    const end = addr + length;
    while (a < end) {
      const r = this.region(a);
      if (r === undefined || (write && !r.writable)) return false;
      a = r.end;
    }
    return true;
  }

  /** copy_from_user: false (EFAULT for the caller) when any byte is unmapped; then nothing is copied. */
  copyIn(addr: number, dst: Uint8Array, dstOffset: number, length: number): boolean {
    if (length === 0) return true;
    const r = this.region(addr);
    if (r !== undefined && addr + length <= r.end) {
      copyBytes(dst, dstOffset, r.bytes, addr - r.start, length);
      return true;
    }
    if (!this.accessible(addr, length, false)) return false;
    this.spanning(addr, length, (region, offset, at, n) => copyBytes(dst, dstOffset + at, region.bytes, offset, n));
    return true;
  }

  /** copy_to_user: false (EFAULT) when any byte is unmapped or read-only; then nothing is copied. */
  copyOut(addr: number, src: Uint8Array, srcOffset: number, length: number): boolean {
    if (length === 0) return true;
    const r = this.region(addr);
    if (r !== undefined && r.writable && addr + length <= r.end) {
      copyBytes(r.bytes, addr - r.start, src, srcOffset, length);
      return true;
    }
    if (!this.accessible(addr, length, true)) return false;
    this.spanning(addr, length, (region, offset, at, n) => copyBytes(region.bytes, offset, src, srcOffset + at, n));
    return true;
  }

  /** Userspace's own view of [addr, addr+length) when it lies in one region (the runtime writes its structs there). */
  slice(addr: number, length: number): Uint8Array | undefined {
    const r = this.region(addr);
    if (r === undefined || addr + length > r.end) return undefined;
    return r.bytes.subarray(addr - r.start, addr - r.start + length);
  }

  /** Every region, in address order (for tests and reports). */
  list(): readonly Region[] {
    return this.regions;
  }

  private spanning(addr: number, length: number, f: (r: Region, offset: number, at: number, n: number) => void): void {
    let a = addr;
    const end = addr + length;
    while (a < end) {
      const r = this.region(a) as Region;
      const n = Math.min(end, r.end) - a;
      f(r, a - r.start, a - addr, n);
      a += n;
    }
  }

  private isFree(start: number, size: number): boolean {
    return this.regions.every((r) => r.end <= start || r.start >= start + size);
  }

  private findFree(size: number): number | undefined {
    let candidate = this.mmapBase;
    for (const r of this.regions) {
      if (r.end <= candidate) continue;
      if (r.start >= candidate + size) break;
      candidate = r.end;
    }
    return candidate + size <= this.limit ? candidate : undefined;
  }
}

/** A user pointer as the kernel receives it (a __u64) turned into an address, or -1 when none can be mapped. */
export function userAddress(pointer: bigint | number): number {
  if (typeof pointer === 'number') return Number.isSafeInteger(pointer) && pointer >= 0 ? pointer : -1;
  return pointer >= 0n && pointer <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(pointer) : -1;
}
