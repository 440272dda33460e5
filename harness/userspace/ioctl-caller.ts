import type { Device } from '../../emulator/device/device';
import { E } from '../../emulator/errno';
import type { OpenMode } from '../../emulator/kernel/open-file';
import type { Region } from '../../emulator/process/address-space';
import type { Process } from '../../emulator/process/process';
import { codecFor, type TypeCodec, type WriteInput } from '../core/codec';
import { layoutEngine } from '../core/layout/engine';
import { encodeRequest } from '../core/layout/ioctl-encoding';
import type { Spec } from '../core/model/model';
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

/**
 * The userspace half of an ioctl: request numbers and struct layouts of the client's spec on the
 * process's ABI, a scratch area in the process's memory, and the call itself. What a C program gets
 * from its header and libc.
 */
export class IoctlCaller {
  readonly process: Process;
  readonly spec: Spec;
  readonly fd: number;
  readonly scratch: number;
  private readonly region: Region;
  private readonly requests = new Map<string, number>();

  private constructor(process: Process, spec: Spec, fd: number, scratch: number, region: Region) {
    this.process = process;
    this.spec = spec;
    this.fd = fd;
    this.scratch = scratch;
    this.region = region;
    const engine = layoutEngine(spec, process.abi);
    for (const i of spec.ioctls) {
      const size = i.arg !== undefined ? engine.sizeAlign(i.arg).size : 0;
      this.requests.set(i.name, encodeRequest(process.abi.ioctl, i.dir, i.type, i.nr, size));
    }
  }

  static open(process: Process, device: Device, spec: Spec, mode: OpenMode): RtResult<IoctlCaller> {
    const fd = process.open(device, mode);
    if (!fd.ok) return rtFail(fd.errno);
    const mem = process.allocate(SCRATCH.size);
    if (!mem.ok) {
      process.close(fd.value);
      return rtFail(mem.errno);
    }
    const region = process.memory.region(mem.value) as Region;
    return rtOk(new IoctlCaller(process, spec, fd.value, mem.value, region));
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

  /** The request number of a spec ioctl on this ABI (undefined when the client's spec lacks it). */
  request(name: string): number | undefined {
    return this.requests.get(name);
  }

  /** Writes a struct into scratch memory at `at`; an EINVAL result with the codec's issue when it does not fit. */
  put<V>(codec: TypeCodec<V>, at: number, value: WriteInput<V>): RtResult<number> {
    const error = codec.write(this.region.view, this.scratch - this.region.start + at, value);
    return error === undefined ? rtOk(this.scratch + at) : rtFail(E.EINVAL, error);
  }

  /** Reads a struct back from scratch memory at `at`. */
  get<V>(codec: TypeCodec<V>, at: number): V {
    return codec.read(this.region.view, this.scratch - this.region.start + at);
  }

  /** Raw bytes of the scratch area (for answers that are not structs). */
  bytes(at: number, length: number): Uint8Array {
    const o = this.scratch - this.region.start + at;
    return this.region.bytes.subarray(o, o + length);
  }

  /** ioctl(fd, request of `name`, scratch + SCRATCH.arg). */
  call(name: string): number {
    const request = this.requests.get(name);
    if (request === undefined) return E.ENOTTY;
    return this.process.ioctl(this.fd, request, this.scratch + SCRATCH.arg);
  }

  close(): number {
    this.process.munmap(this.scratch);
    return this.process.close(this.fd);
  }
}
