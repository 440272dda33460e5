import type { Abi } from '../../harness/core/layout/abi';
import type { Spec } from '../../harness/core/model/model';
import { E, fail, ok, type Errno, type SysResult } from '../errno';
import type { Mutations } from '../mutations';
import { ioctlEntry } from '../kernel/entry';
import { IoctlCall } from '../kernel/ioctl-call';
import type { IoctlHandler } from '../kernel/ioctl-handler';
import { KernelView } from '../kernel/kernel-view';
import { OpenFile, type OpenMode } from '../kernel/open-file';
import type { SpecConstants } from '../kernel/spec-constants';
import type { UserProcess } from '../kernel/user-process';
import { VirtualClock } from './clock';
import type { CommandBuffer } from './command-buffer';
import { USER_BLOCKS, type DeviceConfig } from './config';
import { Context, newCsCounters, type CsCounters } from './context';
import type { CsRecord } from './cs-record';
import { DeviceStats, HW_EVENT } from './device-stats';
import { DeviceMemory } from './dram';
import type { DramAllocation } from './dram-allocation';
import { DeviceHandles, handleKindOf } from './handle-table';
import { QueueState } from './queue-state';
import { Scheduler, type SchedulerHost } from './scheduler';
import { releaseContext } from './release-context';

/** Everything a device is made from; see createDevice for the defaults. */
export interface DeviceParts {
  readonly spec: Spec;
  readonly config: DeviceConfig;
  readonly mutations: Mutations;
  readonly constants: SpecConstants;
  readonly handlers: readonly IoctlHandler[];
  readonly kernelAbiOf: (processAbi: Abi) => Abi;
}

/** A timestamp buffer (HL_MEM_OP_TS_ALLOC): the owner mmaps it; the device writes timestamps there. */
export interface TimestampBuffer {
  readonly handle: bigint;
  readonly bytes: Uint8Array;
}

/** A mapped hardware block (HL_MEM_OP_MAP_BLOCK): mmapping its handle shows these registers. */
export interface MappedBlock {
  readonly handle: bigint;
  readonly register: number;
  readonly size: number;
}

/**
 * The emulated accelerator: device memory, queues, sync objects, registers, the virtual clock, and
 * the driver state around them (open files, contexts, counters). Processes reach it only through
 * `open`, `ioctl`, `mmap` and `close`.
 */
export class Device implements SchedulerHost {
  readonly spec: Spec;
  readonly config: DeviceConfig;
  readonly mutations: Mutations;
  readonly constants: SpecConstants;
  readonly clock = new VirtualClock();
  readonly dram: DeviceMemory;
  readonly handles = new DeviceHandles();
  readonly registers: Uint32Array;
  readonly sobs: Uint32Array;
  readonly scheduler: Scheduler;
  readonly counters: CsCounters = newCsCounters();
  readonly stats: DeviceStats;
  /** hl_device_status value. */
  status: number;
  unplugged = false;
  /** The file that put the device in debug mode. */
  debugOwner: OpenFile | undefined;
  /** Kernel memory held by command buffers. */
  cbPoolUsed = 0;
  /** Exceptions the entry caught (a handler bug); tests assert this stays empty. */
  readonly internalErrors: unknown[] = [];
  private readonly handlers: readonly IoctlHandler[];
  private readonly kernelAbiOf: (a: Abi) => Abi;
  private readonly kernels = new Map<string, KernelView>();
  private readonly files = new Set<OpenFile>();
  private readonly contexts = new Map<number, Context>();
  private readonly fileOf = new Map<Context, OpenFile>();
  private nextContextId = 1;
  private readonly call: IoctlCall;

  constructor(parts: DeviceParts, firstKernel: KernelView) {
    this.spec = parts.spec;
    this.config = parts.config;
    this.mutations = parts.mutations;
    this.constants = parts.constants;
    this.handlers = parts.handlers;
    this.kernelAbiOf = parts.kernelAbiOf;
    this.kernels.set(firstKernel.abi.name, firstKernel);
    const c = parts.config;
    this.dram = new DeviceMemory(c.dramSize, c.reservedDramSize, c.dramPageSize);
    this.registers = new Uint32Array(c.registerFileSize / 4);
    this.sobs = new Uint32Array(c.syncObjects);
    this.scheduler = new Scheduler(c.queues.map((q) => new QueueState(q)), this);
    this.stats = new DeviceStats(c.numOfEvents);
    this.status = parts.constants.HL_DEVICE_STATUS_OPERATIONAL;
    this.call = new IoctlCall(this);
  }

  get operational(): boolean {
    return this.status === this.constants.HL_DEVICE_STATUS_OPERATIONAL;
  }

  /** Opens the compute device (one context, exclusive) or the control device (INFO only). */
  open(process: UserProcess, mode: OpenMode): SysResult<OpenFile> {
    if (this.unplugged) return fail(E.ENODEV);
    const kernel = this.kernelFor(process.abi);
    if (kernel === undefined) return fail(E.ENODEV);
    let ctx: Context | undefined;
    if (mode === 'compute') {
      const open = [...this.files].filter((f) => f.mode === 'compute').length;
      if (!this.mutations['exclusive-open-unchecked'] && open >= this.config.maxComputeOpens) return fail(E.EBUSY);
      if (this.debugOwner !== undefined) return fail(E.EBUSY);
      if (!this.operational) return fail(E.EBUSY);
      ctx = new Context(this.nextContextId++, this.handles, this.mutations, () => this.contexts.values());
      this.contexts.set(ctx.id, ctx);
      this.stats.openCounter += 1;
    }
    const file = new OpenFile(this, process, mode, ctx, kernel, this.clock.now);
    if (ctx !== undefined) this.fileOf.set(ctx, file);
    this.files.add(file);
    return ok(file);
  }

  ioctl(file: OpenFile, request: number, arg: bigint | number): Errno {
    return ioctlEntry(this.call, file, request, arg);
  }

  /** What mmap of `offset` (a CB, timestamp-buffer or block handle) on `file` shows, for exactly `length` bytes. */
  mmapBacking(file: OpenFile, offset: bigint, length: number): SysResult<{ bytes: Uint8Array; label: string }> {
    if (file.closed) return fail(E.EBADF);
    if (this.unplugged) return fail(E.ENODEV);
    const ctx = file.ctx;
    if (ctx === undefined) return fail(E.EINVAL);
    switch (handleKindOf(offset)) {
      case 'cb': {
        const cb = ctx.handles.get<CommandBuffer>('cb', offset);
        if (cb === undefined) return fail(E.EINVAL);
        return length === cb.allocSize ? ok({ bytes: cb.bytes, label: 'cb' }) : fail(E.EINVAL);
      }
      case 'ts': {
        const ts = ctx.handles.get<TimestampBuffer>('ts', offset);
        if (ts === undefined) return fail(E.EINVAL);
        return length === ts.bytes.length ? ok({ bytes: ts.bytes, label: 'ts' }) : fail(E.EINVAL);
      }
      case 'block': {
        const b = ctx.handles.get<MappedBlock>('block', offset);
        if (b === undefined || length !== b.size) return fail(E.EINVAL);
        return ok({ bytes: new Uint8Array(this.registers.buffer, b.register, b.size), label: 'block' });
      }
      default:
        return fail(E.EINVAL);
    }
  }

  /** close(): aborts the context's submissions and frees everything it owns. */
  release(file: OpenFile): void {
    if (file.closed) return;
    file.closed = true;
    this.files.delete(file);
    if (this.debugOwner === file) this.debugOwner = undefined;
    const ctx = file.ctx;
    if (ctx === undefined) return;
    for (const cs of [...this.scheduler.inflight]) if (cs.contextId === ctx.id) this.scheduler.end(cs, 'aborted');
    releaseContext(this, ctx);
    this.contexts.delete(ctx.id);
    this.fileOf.delete(ctx);
    this.stats.lastOpenPeriodMs = Math.floor((this.clock.now - file.openedNs) / 1e6);
  }

  /** Runs the engines until `t` (or until `stop()` holds). */
  runUntil(t: number, stop?: () => boolean): void {
    this.scheduler.run(t, stop);
  }

  /** Test control: lets `ns` of virtual time pass. */
  advance(ns: number): void {
    this.scheduler.run(this.clock.now + ns);
  }

  /** Test control: a hard reset (every submission aborted, sync objects cleared). */
  hardReset(): void {
    for (const cs of [...this.scheduler.inflight]) this.scheduler.end(cs, 'aborted');
    this.sobs.fill(0);
    this.stats.hardResets += 1;
    this.stats.hwEvents.fill(0);
    this.stats.event(HW_EVENT.reset);
    for (const f of this.files) f.events |= BigInt(this.constants.HL_NOTIFIER_EVENT_DEVICE_RESET);
  }

  /** Test control: the device leaves the bus; every call now fails with ENODEV. */
  unplug(): void {
    this.unplugged = true;
  }

  recordInternalError(e: unknown): void {
    this.internalErrors.push(e);
  }

  openFiles(): readonly OpenFile[] {
    return [...this.files];
  }

  liveContexts(): readonly Context[] {
    return [...this.contexts.values()];
  }

  fileOfContext(ctx: Context): OpenFile | undefined {
    return this.fileOf.get(ctx);
  }

  blockAt(address: number): { register: number; size: number } | undefined {
    return USER_BLOCKS.get(address);
  }

  // SchedulerHost: the engines report here.

  context(id: number): Context | undefined {
    return this.contexts.get(id);
  }

  ended(cs: CsRecord): void {
    for (const cb of cs.cbs) {
      cb.csRefs -= 1;
      if (cb.destroyed && cb.csRefs === 0) this.cbPoolUsed -= cb.allocSize;
    }
    cs.cbs.length = 0;
    const ctx = this.contexts.get(cs.contextId);
    if (ctx === undefined) return;
    for (const [seq, r] of ctx.submissions) {
      if (ctx.submissions.size <= this.config.csHistory) break;
      if (r.state !== 'pending') ctx.submissions.delete(seq);
    }
  }

  timedOut(cs: CsRecord): void {
    this.stats.lastCsTimeout = { timestampNs: this.clock.now, seq: cs.seq };
    this.stats.event(HW_EVENT.csTimeout);
    this.errorEvent(cs.contextId, this.constants.HL_NOTIFIER_EVENT_CS_TIMEOUT);
    if (cs.skipResetOnTimeout) return;
    // A timed-out submission resets the compute engines: everything else in flight is aborted.
    this.stats.softResets += 1;
    for (const other of [...this.scheduler.inflight]) this.scheduler.end(other, 'aborted');
    this.sobs.fill(0);
  }

  pageFault(cs: CsRecord, address: number, queue: number): void {
    const ctx = this.contexts.get(cs.contextId);
    if (ctx !== undefined) {
      ctx.pageFault = {
        timestampNs: this.clock.now, address, engineId: queue,
        mappings: ctx.mmu.mappings().map((m) => ({ va: m.va, size: m.size })),
      };
    }
    this.stats.event(HW_EVENT.pageFault);
    this.errorEvent(cs.contextId, this.constants.HL_NOTIFIER_EVENT_PAGE_FAULT);
  }

  undefinedOpcode(cs: CsRecord, queue: number, opcode: number): void {
    this.stats.lastUndefinedOpcode = { timestampNs: this.clock.now, engineId: queue, opcode };
    this.stats.event(HW_EVENT.undefinedOpcode);
    this.errorEvent(cs.contextId, this.constants.HL_NOTIFIER_EVENT_UNDEFINED_OPCODE);
  }

  busy(start: number, end: number, dmaBytes: number): void {
    this.stats.busy(start, end);
    this.stats.packets += 1;
    this.stats.dmaBytes += dmaBytes;
  }

  /** Frees a device-memory allocation's pages (scrubbed unless the no-scrub-on-free mutation is on). */
  freeAllocation(a: DramAllocation): void {
    if (a.freed) return;
    a.freed = true;
    this.dram.release(a.pages, !this.mutations['no-scrub-on-free']);
  }

  private errorEvent(contextId: number, notifier: number): void {
    const ctx = this.contexts.get(contextId);
    const file = ctx !== undefined ? this.fileOf.get(ctx) : undefined;
    if (file === undefined) return;
    file.events |= BigInt(notifier);
    this.stats.lastErrOpenNs = file.openedNs;
  }

  private kernelFor(processAbi: Abi): KernelView | undefined {
    const abi = this.kernelAbiOf(processAbi);
    let k = this.kernels.get(abi.name);
    if (k === undefined) {
      k = KernelView.create(this.spec, abi, this.handlers, this.mutations).view;
      if (k === undefined) return undefined;
      this.kernels.set(abi.name, k);
    }
    return k;
  }
}
