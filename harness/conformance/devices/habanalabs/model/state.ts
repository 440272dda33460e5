/** How a submission may have ended; a model that cannot tell keeps several. */
export type Fate = 'pending' | 'completed' | 'timedout' | 'aborted';

export interface ModelCb {
  readonly handle: bigint;
  readonly allocSize: number;
  readonly mapped: boolean;
  /** The device address INFO reported first (it must not change). */
  deviceVa: bigint | undefined;
}

export interface ModelMem {
  readonly handle: bigint;
  readonly allocSize: bigint;
  /** Live device mappings of the allocation. */
  mappings: number;
}

export interface ModelMapping {
  readonly va: bigint;
  readonly size: bigint;
  readonly kind: 'host' | 'dram';
  readonly writable: boolean;
  /** The allocation behind a device-memory mapping. */
  readonly mem: bigint | undefined;
}

export interface ModelCs {
  readonly seq: bigint;
  /** Device-wide submission order (among equal deadlines the earlier submission times out first). */
  readonly order: number;
  /** Waits on a fence nothing signals: ends only by its timeout or a reset. */
  readonly stuck: boolean;
  readonly skipReset: boolean;
  readonly timestamp: boolean;
  /** Virtual time (ns) at which the device times it out. */
  readonly deadline: number;
  fates: Set<Fate>;
  /** Mappings its DMA packets use: unmapping one before it ran makes it fault (aborted). */
  readonly touches: readonly bigint[];
  /** Command buffers it holds until it ends. */
  readonly cbs: readonly bigint[];
}

/** One process slot: whether its file is open, and what its context owns. */
export interface SlotModel {
  open: boolean;
  cbs: ModelCb[];
  mems: ModelMem[];
  mappings: ModelMapping[];
  /** Device addresses this context unmapped (stale addresses for DMA and unmap). */
  unmapped: bigint[];
  css: ModelCs[];
  lastSeq: bigint;
  eventfd: boolean;
  dramBytes: bigint;
  /** A signal is pending in the process: its next sleeping wait returns EINTR. */
  signalPending: boolean;
  /** Host buffers made so far (their addresses differ per ABI; the model counts them). */
  hostBuffers: number;
}

export interface DeadHandle {
  readonly handle: bigint;
  readonly kind: 'cb' | 'mem';
}

export interface ModelState {
  readonly slots: SlotModel[];
  dramFree: bigint;
  computeOpen: number;
  /** Destroyed, freed, or closed-with-their-file handles, newest last (bounded). */
  dead: DeadHandle[];
  /** Submissions made so far, device-wide. */
  submissions: number;
  /** Destroyed command buffers a submission of their slot may still hold (their memory is not back yet). */
  held: { readonly slot: number; readonly handle: bigint; readonly allocSize: number }[];
}

export function freshSlot(): SlotModel {
  return {
    open: false, cbs: [], mems: [], mappings: [], unmapped: [], css: [], lastSeq: 0n, eventfd: false, dramBytes: 0n,
    signalPending: false, hostBuffers: 0,
  };
}

export function pick<T>(list: readonly T[], i: number): T | undefined {
  return list.length === 0 ? undefined : list[i % list.length];
}

export function remember(m: ModelState, d: DeadHandle): void {
  m.dead.push(d);
  if (m.dead.length > 64) m.dead.shift();
}

/** Every CS of every open slot that may still be pending. */
export function pendingCs(m: ModelState): ModelCs[] {
  return m.slots.flatMap((s) => (s.open ? s.css.filter((c) => c.fates.has('pending')) : []));
}

/** Command-buffer pool in use for sure (live buffers), and at most (plus those pending submissions may hold). */
export function cbPool(m: ModelState): { low: number; high: number } {
  const low = m.slots.reduce((a, s) => a + (s.open ? s.cbs.reduce((b, c) => b + c.allocSize, 0) : 0), 0);
  const high = low + m.held.filter((h) => m.slots[h.slot]?.css.some((c) => c.fates.has('pending') && c.cbs.includes(h.handle)) === true)
    .reduce((a, h) => a + h.allocSize, 0);
  return { low, high };
}
