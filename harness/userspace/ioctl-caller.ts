import { E } from '../core/boundary/errno';
import type { IoctlOutcome, Process, SysResult } from '../core/boundary/process';
import { codecFor, type TypeCodec, type WriteInput } from '../core/codec';
import { layoutEngine } from '../core/layout/engine';
import { encodeRequest } from '../core/layout/ioctl-encoding';
import type { IoctlDir, Spec } from '../core/model/model';
import { rtFail, rtOk, type RtResult } from './result';

/** Where the runtime keeps its structs in its own memory (one 64 KiB mapping). */
export const SCRATCH = {
  size: 64 * 1024,
  /** The ioctl argument struct. */
  arg: 0,
  /** INFO answers and other buffers the kernel writes (up to 31 KiB). */
  out: 1024,
  /** Arrays the kernel reads through user pointers (chunks, sequence numbers). */
  array: 32 * 1024,
  arrayBytes: 32 * 1024,
} as const;

/** What a fill byte after a caller's argument looks like: anything else there was written by the kernel. */
export const CANARY = 0xa5;

/** One ioctl below the typed API: any request number, any argument bytes, any address. */
export interface RawCall {
  readonly request: number;
  /** The argument bytes, written at scratch + `at` before the call. */
  readonly bytes: Uint8Array;
  /** How many bytes the caller's argument has (its `_IOC_SIZE`): `bytes` cut or zero-extended to it (default their length). */
  readonly size?: number;
  /** Offset in the scratch area (default {@link SCRATCH.arg}). */
  readonly at?: number;
  /** Canary bytes written after the argument; the answer says whether the kernel wrote one. */
  readonly canary?: number;
  /** The address handed to ioctl instead of the argument's (an unmapped one, a plain integer). */
  readonly address?: bigint | number;
}

export interface RawAnswer extends IoctlOutcome {
  /** The argument bytes after the call. */
  readonly bytes: Uint8Array;
  /** Index (from the argument's end) of the first canary byte the kernel changed; -1 when none. */
  readonly canaryHit: number;
}

/**
 * The userspace half of an ioctl, and the only one in the repository: request numbers and struct
 * layouts of the client's spec on the process's ABI (through `encodeRequest` and the codec), a
 * scratch area mapped in the process, and the call itself. What a C program gets from its header and
 * libc. It speaks only the `Process` boundary, so the same caller drives the emulated core and a
 * real kernel (the native backend); the typed runtime (`HlRuntime`), the property suite and the
 * tests all call through it.
 */
export class IoctlCaller {
  readonly process: Process;
  readonly spec: Spec;
  /** Address of the scratch mapping. */
  readonly scratch: number;
  /** The open file, when one is open. */
  fd: number | undefined;
  /** Request numbers of the spec's calls, made on first use (the suite makes many callers that never call by name). */
  private requestsMemo: Map<string, number> | undefined;

  private constructor(process: Process, spec: Spec, scratch: number) {
    this.process = process;
    this.spec = spec;
    this.scratch = scratch;
  }

  private get requests(): Map<string, number> {
    if (this.requestsMemo === undefined) {
      this.requestsMemo = new Map();
      for (const i of this.spec.ioctls) this.requestsMemo.set(i.name, this.encode(i.name, undefined, undefined) as number);
    }
    return this.requestsMemo;
  }

  /** Maps the scratch area in `process` (no file open yet: see {@link openNode}). */
  static create(process: Process, spec: Spec, scratchBytes: number = SCRATCH.size): RtResult<IoctlCaller> {
    const mem = process.map(scratchBytes);
    return mem.ok ? rtOk(new IoctlCaller(process, spec, mem.value)) : rtFail(mem.errno);
  }

  /** Opens `path` from `process`, then maps the scratch area: what a userspace library does at init. */
  static open(process: Process, spec: Spec, path: string): RtResult<IoctlCaller> {
    const fd = process.open(path);
    if (!fd.ok) return rtFail(fd.errno);
    const c = IoctlCaller.create(process, spec);
    if (!c.ok) {
      process.close(fd.value);
      return c;
    }
    c.value.fd = fd.value;
    return c;
  }

  /** open(path) as this caller's file; the errno (0 on success). */
  openNode(path: string): number {
    const r = this.process.open(path);
    if (!r.ok) return r.errno;
    this.fd = r.value;
    return 0;
  }

  /** close() of this caller's file (0 when none is open). */
  closeNode(): number {
    if (this.fd === undefined) return 0;
    const rc = this.process.close(this.fd);
    this.fd = undefined;
    return rc;
  }

  /** The codec of a spec type on this process's ABI; undefined when the client's spec has no such type. */
  codec<V>(name: string): TypeCodec<V> | undefined {
    return codecFor<V>(this.spec, this.process.abi, name);
  }

  /** The value of a constant of the client's spec. */
  constant(name: string): number | undefined {
    const c = this.spec.constants.find((x) => x.name === name);
    return c === undefined ? undefined : Number(c.value);
  }

  /**
   * The request number of a spec ioctl on this ABI (undefined when the client's spec lacks it);
   * another `_IOC_SIZE` or direction gives the number a caller with another idea of the call sends.
   */
  request(name: string, size?: number, dir?: IoctlDir): number | undefined {
    return size === undefined && dir === undefined ? this.requests.get(name) : this.encode(name, size, dir);
  }

  /** Writes a struct into scratch memory at `at`: its address, or EINVAL with the codec's issue when it does not fit. */
  put<V>(codec: TypeCodec<V>, at: number, value: WriteInput<V>): RtResult<number> {
    const bytes = codec.encode(value);
    if (!bytes.ok) return rtFail(E.EINVAL, bytes.error);
    const rc = this.process.write(this.scratch + at, bytes.value);
    return rc === 0 ? rtOk(this.scratch + at) : rtFail(rc);
  }

  /** Reads a struct back from scratch memory at `at` (zeros when the scratch area is gone). */
  get<V>(codec: TypeCodec<V>, at: number): V {
    const b = this.bytes(at, codec.size);
    return codec.read(new DataView(b.buffer, b.byteOffset, b.byteLength), 0);
  }

  /** A copy of scratch bytes (answers that are not structs). */
  bytes(at: number, length: number): Uint8Array {
    const r = this.process.read(this.scratch + at, length);
    return r.ok ? r.value : new Uint8Array(length);
  }

  /** Writes raw bytes into scratch memory at `at`; the errno. */
  poke(at: number, bytes: Uint8Array): number {
    return this.process.write(this.scratch + at, bytes);
  }

  /** ioctl(fd, request of `name`, scratch + SCRATCH.arg): the errno (ENOTTY when the client's spec lacks the call). */
  call(name: string): number {
    const request = this.requests.get(name);
    if (request === undefined) return E.ENOTTY;
    return this.process.ioctl(this.fd ?? -1, request, this.scratch + SCRATCH.arg).errno;
  }

  /**
   * The property suite's call: the argument bytes (and canary bytes after them) into scratch, the
   * ioctl with any request number and address, and the same bytes read back.
   */
  raw(c: RawCall): RawAnswer {
    const at = this.scratch + (c.at ?? SCRATCH.arg);
    const size = c.size ?? c.bytes.length;
    const canary = c.canary ?? 0;
    const arg = new Uint8Array(size + canary);
    arg.set(c.bytes.length > size ? c.bytes.subarray(0, size) : c.bytes);
    arg.fill(CANARY, size);
    this.process.write(at, arg);
    const outcome = this.process.ioctl(this.fd ?? -1, c.request, c.address ?? at);
    const read = this.process.read(at, arg.length);
    const after = read.ok ? read.value : new Uint8Array(arg.length);
    // A plain loop: this runs for every call of the property suite, and findIndex with a callback
    // over a typed array was most of this method's time.
    let canaryHit = -1;
    for (let i = size; i < after.length; i++) {
      if (after[i] !== CANARY) {
        canaryHit = i - size;
        break;
      }
    }
    return { ...outcome, bytes: after.subarray(0, size), canaryHit };
  }

  /** mmap of a device buffer (`offset`: its handle) on this caller's file; ENODEV for a process without device mappings. */
  mmap(offset: bigint, length: number): SysResult<number> {
    return this.process.mmap?.(this.fd ?? -1, offset, length) ?? { ok: false, errno: E.ENODEV };
  }

  /** Unmaps the scratch area and closes the file. */
  close(): number {
    this.process.unmap(this.scratch);
    return this.closeNode();
  }

  private encode(name: string, size: number | undefined, dir: IoctlDir | undefined): number | undefined {
    const d = this.spec.ioctls.find((i) => i.name === name);
    if (d === undefined) return undefined;
    const own = size ?? (d.arg !== undefined ? layoutEngine(this.spec, this.process.abi).sizeAlign(d.arg).size : 0);
    return encodeRequest(this.process.abi.ioctl, dir ?? d.dir, d.type, d.nr, own);
  }
}
