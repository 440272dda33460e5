import type { Process as BoundaryProcess } from '../core/boundary/process';
import { findAbi, type Abi } from '../core/layout/abi';
import type { TypeCodec } from '../core/codec';
import { HlRuntime, IoctlCaller } from '../userspace';
import { createDevice, type DeviceOptions } from '../../emulator/device/create-device';
import type { Device } from '../../emulator/device/device';
import { nodeOf } from '../../emulator/process/device-nodes';
import { EmulatedProcess } from '../../emulator/process/emulated-process';
import type { Process } from '../../emulator/process/process';
import type { Spec } from '../core/model/model';
import { spec as habanalabs } from '../../specs/habanalabs/spec';

/** A device, or an exception naming its issues (tests only: a broken fixture should stop the test). */
export function newDevice(options: Omit<DeviceOptions, 'spec'> & { readonly spec?: Spec } = {}): Device {
  const { device, issues } = createDevice({ ...options, spec: options.spec ?? habanalabs });
  if (device === undefined) throw new Error(`test device: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  return device;
}

export function abi(name: string): Abi {
  const a = findAbi(name);
  if (a === undefined) throw new Error(`no ABI ${name}`);
  return a;
}

/** A process of `abiName` with the runtime open on `device`; `process` is the emulated kernel's view of it. */
export function session(device: Device = newDevice(), abiName = 'x86_64'): { device: Device; process: Process; hl: HlRuntime } {
  const emulated = EmulatedProcess.on(device, abi(abiName));
  const hl = HlRuntime.open(emulated, { spec: device.spec });
  if (!hl.ok) throw new Error(`test session: open failed with errno ${hl.errno}`);
  return { device, process: emulated.task, hl: hl.value };
}

/**
 * Raw ioctls from a process, below the runtime: the one userspace caller (harness/userspace) with
 * the checks a test wants turned into exceptions, to build a struct in the process's own memory and
 * call with any request number (what the runtime would never send).
 */
export class RawCaller {
  readonly caller: IoctlCaller;
  /** The emulated kernel's view of the process (its address space, descriptors, signals). */
  readonly process: Process;
  readonly device: Device;
  readonly fd: number;
  /** Start of a 64 KiB writable scratch mapping. */
  readonly scratch: number;

  /** A caller in `process` (an emulated process, e.g. a runtime's) on its open file `fd`. */
  constructor(process: BoundaryProcess, device: Device, fd: number) {
    if (!(process instanceof EmulatedProcess)) throw new Error('raw caller: not an emulated process');
    const c = IoctlCaller.create(process, device.spec);
    if (!c.ok) throw new Error('raw caller: no memory');
    this.caller = c.value;
    this.caller.fd = fd;
    this.process = process.task;
    this.device = device;
    this.fd = fd;
    this.scratch = c.value.scratch;
  }

  static open(device: Device, abiName = 'x86_64', mode: 'compute' | 'control' = 'compute'): RawCaller {
    const p = EmulatedProcess.on(device, abi(abiName));
    const fd = p.open(nodeOf(mode));
    if (!fd.ok) throw new Error(`raw caller: open failed with errno ${fd.errno}`);
    return new RawCaller(p, device, fd.value);
  }

  codec<V = Record<string, unknown>>(name: string): TypeCodec<V> {
    const c = this.caller.codec<V>(name);
    if (c === undefined) throw new Error(`no type ${name}`);
    return c;
  }

  /** The request number of a spec ioctl on this process's ABI, optionally with another argument size or direction. */
  request(name: string, size?: number, dir?: 'none' | 'r' | 'w' | 'rw'): number {
    const r = this.caller.request(name, size, dir);
    if (r === undefined) throw new Error(`no ioctl ${name}`);
    return r;
  }

  /** Writes bytes into the process at `scratch + offset`. */
  poke(offset: number, bytes: Uint8Array): void {
    if (this.caller.poke(offset, bytes) !== 0) throw new Error('poke outside scratch');
  }

  peek(offset: number, length: number): Uint8Array {
    const b = this.caller.process.read(this.scratch + offset, length);
    if (!b.ok) throw new Error('peek outside scratch');
    return b.value;
  }

  /** Encodes `value` as `type` at `scratch + offset`. */
  put(type: string, value: unknown, offset = 0): void {
    const r = this.caller.put(this.codec(type), offset, value as never);
    if (!r.ok) throw new Error(r.issue !== undefined ? `${r.issue.path}: ${r.issue.message}` : `put: errno ${r.errno}`);
  }

  get<V = Record<string, unknown>>(type: string, offset = 0): V {
    return this.caller.get(this.codec<V>(type), offset);
  }

  ioctl(request: number, offset = 0): number {
    return this.caller.process.ioctl(this.fd, request, this.scratch + offset).errno;
  }

  /** Puts `value` as the ioctl's argument type (or `type`) and calls the ioctl by name. */
  call(name: string, type: string, value: unknown): number {
    this.put(type, value, 0);
    return this.caller.call(name);
  }
}

/** Writes `stream` into a fresh command buffer and submits it on `queue`; the sequence number or errno. */
export function submitStream(hl: HlRuntime, stream: Uint8Array, queue = 0, extra: { flags?: readonly string[]; timeoutSec?: number } = {}): { ok: true; value: bigint } | { ok: false; errno: number } {
  const cb = hl.cb.create(Math.max(stream.length, 8));
  if (!cb.ok) return cb;
  const w = hl.cb.write(cb.value, stream);
  if (!w.ok) return w;
  const r = hl.cs.submit({ execute: [{ cb: cb.value, queue, size: stream.length }], ...extra });
  return r.ok ? { ok: true, value: r.value } : { ok: false, errno: r.errno };
}

/** Submits `stream` and waits up to a virtual second: the wait's errno (0) and status. */
export function runStream(hl: HlRuntime, stream: Uint8Array, queue = 0): { errno: number; status?: number } {
  const seq = submitStream(hl, stream, queue);
  if (!seq.ok) return { errno: seq.errno };
  const w = hl.waitCs(seq.value, 1_000_000);
  return w.ok ? { errno: 0, status: w.value.status } : { errno: w.errno };
}

/** Host memory of `size` bytes mapped into the device: its address and device VA. */
export function mappedHost(hl: HlRuntime, size: number): { address: number; va: number } {
  const a = hl.hostBuffer(size);
  if (!a.ok) throw new Error('no host memory');
  const va = hl.mem.mapHost(a.value, size);
  if (!va.ok) throw new Error(`mapHost failed: ${va.errno}`);
  return { address: a.value, va: Number(va.value) };
}

/** Device memory of `size` bytes, mapped: its handle and device VA. */
export function mappedDram(hl: HlRuntime, size: number): { handle: bigint; va: number } {
  const h = hl.mem.alloc(size);
  if (!h.ok) throw new Error(`alloc failed: ${h.errno}`);
  const va = hl.mem.mapDevice(h.value);
  if (!va.ok) throw new Error(`mapDevice failed: ${va.errno}`);
  return { handle: h.value, va: Number(va.value) };
}
