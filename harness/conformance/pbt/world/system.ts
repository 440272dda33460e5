import { createDevice } from '../../../../emulator/device/create-device';
import type { DeviceConfig } from '../../../../emulator/device/config';
import type { Device } from '../../../../emulator/device/device';
import { E, errnoName } from '../../../core/boundary/errno';
import type { Process } from '../../../core/boundary/process';
import type { MutationId } from '../../../../emulator/mutations';
import type { DeviceInstance, OpenMode } from './device-instance';
import { EmulatedInstance } from './emulated-instance';
import { CANARY, IoctlCaller, type RawAnswer } from '../../../userspace/ioctl-caller';
import type { Issue } from '../../../core/diagnostics/issue';
import type { Abi } from '../../../core/layout/abi';
import type { Spec } from '../../../core/model/model';
import { ensure, Violation } from '../rules';
import type { IoctlFacts } from '../spec-facts/ioctl-facts';
import { declaredByConvention, outputView } from '../spec-facts/device-view';
import { unconditionalOutputPads } from '../spec-facts/ioctl-facts';
import { specFacts, type SpecFacts } from '../spec-facts/spec-facts';
import { readSite } from './bytes';
import type { IoctlCounter } from './session-hook';

export type { IoctlCounter } from './session-hook';

/** What a fill byte after a caller's buffer looks like: anything else there was written by the kernel. */
export { CANARY };
export const CANARY_BYTES = 64;
const SCRATCH_BYTES = 64 * 1024;
const ARG_AT = 256;

/** One process with at most one open file of the device, and the userspace caller in it. */
export class Slot {
  readonly index: number;
  readonly process: Process;
  readonly caller: IoctlCaller;

  constructor(index: number, process: Process, spec: Spec) {
    this.index = index;
    this.process = process;
    const c = IoctlCaller.create(process, spec, SCRATCH_BYTES);
    if (!c.ok) throw new Error(`process: no memory for the scratch area (errno ${c.errno})`);
    this.caller = c.value;
  }

  /** The open file of the device, if any. */
  get fd(): number | undefined {
    return this.caller.fd;
  }

  /** A scratch mapping of the process for argument structs. */
  get scratch(): number {
    return this.caller.scratch;
  }

  get argAddress(): number {
    return this.scratch + ARG_AT;
  }
}

export interface SystemOptions {
  /** The client's spec: request numbers and layouts of the calls. */
  readonly spec: Spec;
  /** The spec the emulated driver implements (default: the client's). */
  readonly deviceSpec?: Spec;
  readonly abi: Abi;
  readonly mutations?: readonly MutationId[];
  readonly config?: Partial<DeviceConfig>;
  readonly counter?: IoctlCounter;
  /** Processes to create (each may hold one open file). */
  readonly slots?: number;
}

export interface CallOptions {
  /** The caller's `_IOC_SIZE` (default: the spec's size on this ABI). */
  readonly size?: number;
  /** A raw request number (unknown commands, other encodings). */
  readonly request?: number;
  /** The argument address (default: the slot's scratch area), e.g. an unmapped one. */
  readonly address?: number;
}

export interface CallOutcome {
  readonly errno: number;
  /** The caller's argument bytes after the call. */
  readonly bytes: Uint8Array;
}

/**
 * A device under test and the processes that call it. Every call goes through {@link call}, which
 * enforces the invariants that hold for every ioctl whatever it does: no exception inside the
 * kernel side, an errno the spec declares, no byte written past the caller's argument, and zero
 * pad/reserved bytes in a successful answer.
 */
export class System {
  readonly instance: DeviceInstance;
  readonly facts: SpecFacts;
  readonly abi: Abi;
  readonly counter: IoctlCounter;
  readonly slots: readonly Slot[];

  private constructor(instance: DeviceInstance, facts: SpecFacts, counter: IoctlCounter, slots: number) {
    this.instance = instance;
    this.facts = facts;
    this.abi = facts.abi;
    this.counter = counter;
    this.slots = instance.processes(facts.abi, counter, slots).map((p, i) => new Slot(i, p, facts.spec));
  }

  /** A system on a fresh emulated core serving `deviceSpec` (or the client's spec). */
  static create(o: SystemOptions): { system?: System; issues: Issue[] } {
    const { device, issues } = createDevice({ spec: o.deviceSpec ?? o.spec, config: o.config ?? {}, mutations: o.mutations ?? [] });
    if (device === undefined) return { issues };
    return { system: System.over(new EmulatedInstance(device), o), issues };
  }

  /** A system on a running device of any kind (a device under test brings its own instance). */
  static over(instance: DeviceInstance, o: Pick<SystemOptions, 'spec' | 'abi' | 'counter' | 'slots'>): System {
    return new System(instance, specFacts(o.spec, o.abi), o.counter ?? { ioctls: 0 }, o.slots ?? 2);
  }

  /** The emulated habanalabs device of this system (its model and scenarios read its state); throws for another device. */
  get device(): Device {
    if (this.instance instanceof EmulatedInstance) return this.instance.device;
    throw new Error('this step needs the emulated habanalabs core');
  }

  slot(i: number): Slot {
    const s = this.slots[i];
    if (s === undefined) throw new Error(`no slot ${i}`);
    return s;
  }

  /** open() of the compute device from a slot; the errno (0 on success). */
  open(slot: Slot, mode: OpenMode = 'compute'): number {
    const node = this.instance.node(mode);
    return node === undefined ? E.ENOENT : slot.caller.openNode(node);
  }

  close(slot: Slot): number {
    return slot.caller.closeNode();
  }

  /**
   * Makes one ioctl with `image` as the argument bytes (the caller's size of them) and checks the
   * universal invariants; throws a Violation when one breaks.
   */
  call(slot: Slot, ioctl: IoctlFacts, image: Uint8Array, options: CallOptions = {}): CallOutcome {
    const size = options.size ?? ioctl.size;
    const request = options.request ?? (size === ioctl.size ? ioctl.request : ioctl.requestFor(size));
    let answer: RawAnswer;
    try {
      answer = slot.caller.raw({ request, bytes: image, size, at: ARG_AT, canary: CANARY_BYTES, ...(options.address !== undefined ? { address: options.address } : {}) });
    } catch (e) {
      throw new Violation('no-uncaught-exception', `${ioctl.name} threw ${e instanceof Error ? e.message : String(e)}`);
    }
    const errno = answer.errno;
    this.checkHealth(ioctl.name);
    if (options.address === undefined) {
      const past = answer.canaryHit;
      ensure(past < 0, 'no-write-past-caller-length', () => `${ioctl.name} (caller size ${size}) wrote byte ${size + past} of the caller's memory`);
    }
    if (options.request === undefined) {
      ensure(ioctl.declared.has(errno) || declaredByConvention(ioctl, this.deviceFacts, errno), 'D14/declared-errno', () => `${ioctl.name} returned ${errnoName(errno)}, which its spec does not declare (declared: ${[...ioctl.declared].map(errnoName).join(', ')})`);
    }
    if (errno === 0 && options.address === undefined) this.checkOutputPads(ioctl, answer.bytes);
    return { errno, bytes: answer.bytes };
  }

  private deviceFactsMemo: SpecFacts | undefined;

  /** What the device's spec says, on this ABI (the client's own facts when they share a spec). */
  get deviceFacts(): SpecFacts {
    if (this.deviceFactsMemo === undefined) this.deviceFactsMemo = this.instance.spec === this.facts.spec ? this.facts : specFacts(this.instance.spec, this.abi);
    return this.deviceFactsMemo;
  }

  /**
   * Pad and reserved fields of a successful answer are zero (within what the caller's size holds).
   * For an older client, only where the device's record still has padding: a pad a later release
   * gave a meaning (`hl_wait_cs_out.pad` became `flags`) carries that meaning, not leaked bytes.
   */
  checkOutputPads(ioctl: IoctlFacts, bytes: Uint8Array): void {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const device = outputView(this.facts, this.deviceFacts, ioctl);
    for (const s of unconditionalOutputPads(ioctl.output)) {
      if (s.offset + s.access.bytes > bytes.length || !device.zeroThere(s)) continue;
      const v = readSite(view, s);
      ensure(v === 0n, 'no-info-leak-through-padding', () => `${ioctl.name}: ${s.path} is 0x${v.toString(16)} in a successful answer`);
    }
  }

  /** No exception was caught inside the kernel entry. */
  checkHealth(what: string): void {
    const errors = this.instance.internalErrors;
    ensure(errors.length === 0, 'no-uncaught-exception', () => `${what}: the kernel side caught ${errors.map((e) => (e instanceof Error ? e.message : String(e))).join('; ')}`);
  }

  /** A fresh mapping holding `bytes`, followed by canary bytes; its address. */
  buffer(slot: Slot, bytes: Uint8Array, options: { writable?: boolean; canary?: boolean } = {}): number {
    const canary = options.canary ?? true;
    const length = Math.max(1, bytes.length + (canary ? CANARY_BYTES : 0));
    const contents = new Uint8Array(length).fill(canary ? CANARY : 0);
    contents.set(bytes);
    const m = slot.process.map(length, { writable: options.writable ?? true, contents });
    if (!m.ok) throw new Error(`process: cannot map ${length} bytes (errno ${m.errno})`);
    return m.value;
  }

  /** An address with nothing mapped there (a mapping that was unmapped again). */
  unmappedAddress(slot: Slot, length = 4096): number {
    const m = slot.process.map(length);
    if (!m.ok) throw new Error(`process: no memory (errno ${m.errno})`);
    slot.process.unmap(m.value);
    return m.value;
  }

  /** The bytes at `address` (a copy), or undefined when not all mapped. */
  read(slot: Slot, address: number, length: number): Uint8Array | undefined {
    const r = slot.process.read(address, length);
    return r.ok ? r.value : undefined;
  }
}
