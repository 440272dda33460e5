import type { Mutations } from '../mutations';
import type { CommandBuffer } from './command-buffer';
import type { CsRecord } from './cs-record';
import type { DramAllocation } from './dram-allocation';
import { HandleTable, type DeviceHandles } from './handle-table';
import { Mmu, type Mapping } from './mmu';

/** Submission counters of hl_info_cs_counters, per context or device-wide. */
export interface CsCounters {
  outOfMem: number;
  parsing: number;
  queueFull: number;
  deviceInReset: number;
  maxCsInFlight: number;
  validation: number;
}

export const newCsCounters = (): CsCounters => ({ outOfMem: 0, parsing: 0, queueFull: 0, deviceInReset: 0, maxCsInFlight: 0, validation: 0 });

/** The last page fault a context caused, with its mappings at that moment (INFO PAGE_FAULT_EVENT, USER_MAPPINGS). */
export interface PageFault {
  readonly timestampNs: number;
  readonly address: number;
  readonly engineId: number;
  readonly mappings: readonly { readonly va: number; readonly size: number }[];
}

/**
 * A compute context: what one open file of the compute device owns. Its MMU, its handles, its
 * submissions. Everything here is released when the file closes.
 */
export class Context {
  readonly id: number;
  readonly mmu = new Mmu();
  readonly handles: HandleTable;
  /** Device memory this context has allocated (hl_info_dram_usage.ctx_dram_mem). */
  dramBytes = 0;
  /** Last sequence number issued; the first submission gets 1. */
  lastSeq = 0;
  readonly submissions = new Map<number, CsRecord>();
  /** Whether the restore chunks have run (they run on the first submission, or when forced). */
  restored = false;
  readonly counters: CsCounters = newCsCounters();
  pageFault: PageFault | undefined;
  private readonly peers: () => Iterable<Context>;
  private readonly mutations: Mutations;

  constructor(id: number, handles: DeviceHandles, mutations: Mutations, peers: () => Iterable<Context>) {
    this.id = id;
    this.handles = new HandleTable(handles, mutations);
    this.mutations = mutations;
    this.peers = peers;
  }

  /**
   * The mapping of user memory (host or device, not command buffers) holding [va, va + length). With
   * the mmu-global-lookup mutation other contexts' mappings answer too.
   */
  translate(va: number, length: number): Mapping | undefined {
    const own = this.userMapping(this.mmu, va, length);
    if (own !== undefined || !this.mutations['mmu-global-lookup']) return own;
    for (const c of this.peers()) {
      if (c === this) continue;
      const m = this.userMapping(c.mmu, va, length);
      if (m !== undefined) return m;
    }
    return undefined;
  }

  /** Like {@link translate} at page granularity: what the device MMU lets a running engine reach. */
  translatePages(va: number, length: number): Mapping | undefined {
    const own = this.mmu.findPages(va, length);
    if (own !== undefined) return own.target.kind === 'cb' ? undefined : own;
    if (!this.mutations['mmu-global-lookup']) return undefined;
    for (const c of this.peers()) {
      const m = c.mmu.findPages(va, length);
      if (m !== undefined && m.target.kind !== 'cb') return m;
    }
    return undefined;
  }

  /** The mapping holding [va, va + length) of any kind, command buffers included (for USER_ALLOC_CB chunks). */
  translateAny(va: number, length: number): Mapping | undefined {
    return this.mmu.find(va, length);
  }

  cbs(): CommandBuffer[] {
    return this.handles.list<CommandBuffer>('cb');
  }

  allocations(): DramAllocation[] {
    return this.handles.list<DramAllocation>('mem');
  }

  private userMapping(mmu: Mmu, va: number, length: number): Mapping | undefined {
    const m = mmu.find(va, length);
    return m !== undefined && m.target.kind !== 'cb' ? m : undefined;
  }
}
