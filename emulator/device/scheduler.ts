import type { VirtualClock } from './clock';
import type { Context } from './context';
import type { CsRecord, CsState } from './cs-record';
import { readMapping, writeMapping } from './mapping-access';
import type { Packet } from './packet';
import type { QueueState } from './queue-state';
import { SOB_MAX_VALUE } from './packets';

/** What the scheduler needs from its device. */
export interface SchedulerHost {
  readonly clock: VirtualClock;
  readonly registers: Uint32Array;
  readonly sobs: Uint32Array;
  context(id: number): Context | undefined;
  /** A submission ended (any state); the device releases what it held. */
  ended(cs: CsRecord): void;
  /** A submission timed out on the device (after it ended with state `timedout`). */
  timedOut(cs: CsRecord): void;
  pageFault(cs: CsRecord, address: number, queue: number): void;
  undefinedOpcode(cs: CsRecord, queue: number, opcode: number): void;
  /** The engines were busy during [start, end), running one packet that moved `dmaBytes`. */
  busy(start: number, end: number, dmaBytes: number): void;
}

// Engine cost of each packet, in virtual nanoseconds. A LIN_DMA moves 16 bytes per ns.
const COST = { nop: 8, stop: 8, wreg: 16, signal: 16, fence: 16, msgprot: 16, undefined: 8 } as const;
const dmaCost = (size: number): number => 64 + Math.ceil(size / 16);
const DMA_CHUNK = 1 << 20;

/**
 * Runs submitted jobs on the queues as a discrete-event simulation over the virtual clock: each step
 * runs the packet whose queue is ready first; a FENCE blocks its queue until a signal satisfies it;
 * a submission still pending at its deadline times out. Nothing runs between ioctls unless someone
 * waits, so results depend only on the calls made.
 */
export class Scheduler {
  readonly queues: readonly QueueState[];
  readonly inflight: CsRecord[] = [];
  private readonly host: SchedulerHost;
  private scratch = new Uint8Array(4096);

  constructor(queues: readonly QueueState[], host: SchedulerHost) {
    this.queues = queues;
    this.host = host;
  }

  submit(cs: CsRecord): void {
    const now = this.host.clock.now;
    for (const job of cs.jobs) {
      const q = this.queues[job.queue] as QueueState;
      if (q.jobs.length === 0) q.readyAt = Math.max(q.readyAt, now);
      q.jobs.push(job);
    }
    cs.remaining = cs.jobs.length;
    this.inflight.push(cs);
    if (cs.remaining === 0) this.end(cs, 'completed');
  }

  /** Runs until virtual time `until`, or until `stop()` holds; the clock ends at the time things stopped. */
  run(until: number, stop?: () => boolean): void {
    const clock = this.host.clock;
    for (;;) {
      if (stop !== undefined && stop()) return;
      let q: QueueState | undefined;
      for (const x of this.queues) {
        if (x.jobs.length > 0 && x.blockedSob < 0 && (q === undefined || x.readyAt < q.readyAt)) q = x;
      }
      const next = q !== undefined ? Math.max(q.readyAt, clock.now) : Infinity;
      const deadline = this.earliestDeadline();
      if (deadline !== undefined && deadline.deadlineNs < next && deadline.deadlineNs <= until) {
        clock.advanceTo(deadline.deadlineNs);
        this.end(deadline, 'timedout');
        this.host.timedOut(deadline);
        continue;
      }
      if (q === undefined || next > until) break;
      clock.advanceTo(next);
      this.step(q);
    }
    // An unbounded run (a wait without timeout) stops where the work stopped; time does not jump to infinity.
    if (Number.isFinite(until)) clock.advanceTo(until);
  }

  /** Ends a pending submission now: its jobs leave their queues. */
  end(cs: CsRecord, state: CsState): void {
    if (cs.state !== 'pending') return;
    cs.state = state;
    cs.doneNs = this.host.clock.now;
    for (const job of cs.jobs) {
      const q = this.queues[job.queue] as QueueState;
      const i = q.jobs.indexOf(job);
      if (i < 0) continue;
      q.jobs.splice(i, 1);
      if (i === 0) {
        q.blockedSob = -1;
        q.readyAt = Math.max(q.readyAt, cs.doneNs);
      }
    }
    const k = this.inflight.indexOf(cs);
    if (k >= 0) this.inflight.splice(k, 1);
    this.host.ended(cs);
  }

  busyMask(): number {
    let mask = 0;
    for (const q of this.queues) if (q.busy) mask |= 1 << q.engineBit;
    return mask >>> 0;
  }

  private earliestDeadline(): CsRecord | undefined {
    let best: CsRecord | undefined;
    for (const cs of this.inflight) if (best === undefined || cs.deadlineNs < best.deadlineNs) best = cs;
    return best;
  }

  private step(q: QueueState): void {
    const job = q.jobs[0];
    if (job === undefined) return;
    const now = this.host.clock.now;
    if (job.pc >= job.packets.length) {
      q.jobs.shift();
      job.cs.remaining -= 1;
      if (job.cs.remaining === 0) this.end(job.cs, 'completed');
      return;
    }
    const p = job.packets[job.pc] as Packet;
    const cost = this.execute(q, job.cs, p);
    if (cost < 0) return; // blocked, or the submission was aborted
    job.pc = p.op === 'stop' ? job.packets.length : job.pc + 1;
    q.readyAt = now + cost;
    this.host.busy(now, now + cost, p.op === 'dma' ? p.size : 0);
  }

  /** Runs one packet; the engine time it took, or -1 when the queue blocked or the submission died. */
  private execute(q: QueueState, cs: CsRecord, p: Packet): number {
    const h = this.host;
    switch (p.op) {
      case 'nop': return COST.nop;
      case 'stop': return COST.stop;
      case 'wreg':
        h.registers[p.offset >>> 2] = p.value;
        return COST.wreg;
      case 'signal':
        h.sobs[p.sob] = p.add ? ((h.sobs[p.sob] as number) + p.value) & SOB_MAX_VALUE : p.value;
        this.wake(p.sob);
        return COST.signal;
      case 'fence':
        if ((h.sobs[p.sob] as number) >= p.target) return COST.fence;
        q.blockedSob = p.sob;
        q.blockedTarget = p.target;
        return -1;
      case 'dma': return this.dma(q, cs, p.src, p.dst, p.size);
      case 'msgprot': {
        const ctx = h.context(cs.contextId);
        const m = ctx?.translatePages(p.address, 4);
        if (m !== undefined) {
          const word = new Uint8Array(4);
          new DataView(word.buffer).setUint32(0, p.value, true);
          writeMapping(m, p.address, word, 0, 4);
        }
        return COST.msgprot;
      }
      case 'undefined':
        h.undefinedOpcode(cs, q.id, p.opcode);
        this.end(cs, 'aborted');
        return -1;
    }
  }

  private dma(q: QueueState, cs: CsRecord, src: number, dst: number, size: number): number {
    if (size === 0) return dmaCost(0);
    const ctx = this.host.context(cs.contextId);
    const from = ctx?.translatePages(src, size);
    const to = ctx?.translatePages(dst, size);
    if (from === undefined || to === undefined) {
      this.host.pageFault(cs, from === undefined ? src : dst, q.id);
      this.end(cs, 'aborted');
      return -1;
    }
    if (this.scratch.length < Math.min(size, DMA_CHUNK)) this.scratch = new Uint8Array(Math.min(size, DMA_CHUNK));
    for (let at = 0; at < size; at += DMA_CHUNK) {
      const n = Math.min(DMA_CHUNK, size - at);
      readMapping(from, src + at, this.scratch, 0, n);
      writeMapping(to, dst + at, this.scratch, 0, n);
    }
    return dmaCost(size);
  }

  private wake(sob: number): void {
    const now = this.host.clock.now;
    for (const q of this.queues) {
      if (q.blockedSob === sob && (this.host.sobs[sob] as number) >= q.blockedTarget) {
        q.blockedSob = -1;
        q.readyAt = now;
      }
    }
  }
}
