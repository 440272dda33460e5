import type { Region } from '../process/address-space';
import type { CommandBuffer } from './command-buffer';
import { VA } from './config';
import type { DramAllocation } from './dram-allocation';

/** What a device virtual range reaches: pinned host memory, device memory, or a kernel command buffer. */
export type MappingTarget =
  | { readonly kind: 'host'; readonly region: Region; readonly offset: number }
  | { readonly kind: 'dram'; readonly allocation: DramAllocation }
  | { readonly kind: 'cb'; readonly cb: CommandBuffer };

export type VaRange = 'host' | 'dram' | 'cb';

export interface Mapping {
  /** The range a user may address: [va, va + size). */
  readonly va: number;
  readonly size: number;
  /** The reserved range around it (whole pages): [start, end). */
  readonly start: number;
  readonly end: number;
  readonly range: VaRange;
  readonly target: MappingTarget;
}

const RANGES: { readonly [R in VaRange]: { readonly base: number; readonly size: number } } = {
  host: { base: VA.hostBase, size: VA.hostSize },
  dram: { base: VA.dramBase, size: VA.dramSize },
  cb: { base: VA.cbBase, size: VA.cbSize },
};

export interface MapRequest {
  readonly range: VaRange;
  /** Bytes the user may address. */
  readonly size: number;
  /** Alignment of the reservation (a power of two). */
  readonly align: number;
  /** Offset of the user range inside its first page (host memory keeps its page offset). */
  readonly offsetInPage?: number;
  /** Wanted VA of the reservation, 0 for none. */
  readonly hint?: number;
  readonly target: MappingTarget;
}

const alignUp = (n: number, a: number): number => Math.ceil(n / a) * a;

/**
 * One context's device MMU: its mappings, sorted by address, in three VA ranges. Translation is
 * strict: a range is reachable only when it lies wholly inside one mapping.
 */
export class Mmu {
  private readonly list: Mapping[] = [];

  /** Maps and returns the mapping, or undefined when the range has no room (or a forced hint cannot be used). */
  map(req: MapRequest, forceHint: boolean): Mapping | undefined {
    const r = RANGES[req.range];
    const inPage = req.offsetInPage ?? 0;
    const length = alignUp(inPage + req.size, req.align);
    let start: number | undefined;
    const hint = req.hint ?? 0;
    if (hint !== 0) {
      const h = hint - inPage;
      if (h % req.align === 0 && h >= r.base && h + length <= r.base + r.size && this.free(h, length)) start = h;
      else if (forceHint) return undefined;
    }
    start ??= this.firstFit(r.base, r.base + r.size, length, req.align);
    if (start === undefined) return undefined;
    const m: Mapping = { va: start + inPage, size: req.size, start, end: start + length, range: req.range, target: req.target };
    const i = this.list.findIndex((x) => x.start > start);
    this.list.splice(i < 0 ? this.list.length : i, 0, m);
    return m;
  }

  /** Removes the mapping whose user range starts at `va`. */
  unmap(va: number): Mapping | undefined {
    const i = this.list.findIndex((m) => m.va === va);
    if (i < 0) return undefined;
    return this.list.splice(i, 1)[0];
  }

  /** The mapping that holds all of [va, va + length), if one does. */
  find(va: number, length: number): Mapping | undefined {
    const m = this.covering(va);
    return m !== undefined && va >= m.va && va + length <= m.va + m.size ? m : undefined;
  }

  /**
   * The mapping whose reserved pages hold [va, va + length): what the hardware MMU checks, at page
   * granularity. A transfer the parser let through may touch the rest of a mapping's last page.
   */
  findPages(va: number, length: number): Mapping | undefined {
    const m = this.covering(va);
    return m !== undefined && va + length <= m.end ? m : undefined;
  }

  /** Binary search over the sorted mappings for the one whose reserved pages contain `va`. */
  private covering(va: number): Mapping | undefined {
    let lo = 0;
    let hi = this.list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = this.list[mid] as Mapping;
      if (va < m.start) hi = mid - 1;
      else if (va >= m.end) lo = mid + 1;
      else return m;
    }
    return undefined;
  }

  mappings(): readonly Mapping[] {
    return this.list;
  }

  private free(start: number, length: number): boolean {
    return this.list.every((m) => m.end <= start || m.start >= start + length);
  }

  private firstFit(base: number, limit: number, length: number, align: number): number | undefined {
    let candidate = alignUp(base, align);
    for (const m of this.list) {
      if (m.end <= candidate) continue;
      if (m.start >= candidate + length) break;
      candidate = alignUp(m.end, align);
    }
    return candidate + length <= limit ? candidate : undefined;
  }
}
