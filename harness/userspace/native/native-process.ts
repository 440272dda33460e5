import { constants as osConstants } from 'node:os';
import * as path from 'node:path';
import { issue, type Issue } from '../../core/diagnostics';
import type { BackendName, Errno, IoctlOutcome, MapRequest, Process, SysResult } from '../../core/boundary/process';
import { findAbi, type Abi } from '../../core/layout/abi';
import { buildExecutor, type ExecutorBuildOptions } from './executor-build';
import { ExecutorChannel, GREETING, OP, payloadOf } from './executor-channel';

/**
 * A real process behind the `Process` interface: one native executor (executor.c) per instance, every
 * operation a real system call in it. Memory it maps is that process's memory, descriptors it opens
 * are that process's descriptors, and a driver's ioctl sees that process as its caller.
 */

export interface NativeProcessOptions {
  /**
   * The device nodes this process may open, as the recipe names them (or `--device` replaces them):
   * `open` of any other path is refused with EACCES before it reaches the system.
   */
  readonly allow: readonly string[];
  /** Seconds one operation may take before the executor is ended (a fault nobody resolves, a wait). Default 10. */
  readonly opTimeoutSeconds?: number;
  /** How the executor is found or compiled (compiler, cache folder, i386). */
  readonly build?: ExecutorBuildOptions;
}

export type NativeStart = { readonly ok: true; readonly process: NativeProcess } | { readonly ok: false; readonly issues: readonly Issue[] };

const errno = osConstants.errno;
/** What every operation returns once the executor is gone: the process no longer exists. */
export const EXECUTOR_GONE = errno.ESRCH;

/** Largest copy in one request (the executor refuses more than 64 MiB): longer ones are split. */
const CHUNK = 16 << 20;

/** Node's name of the host architecture → the harness's ABI name. */
const HOST_ABI: Readonly<Record<string, string>> = {
  x64: 'x86_64', ia32: 'i386', arm64: 'aarch64', arm: 'arm', riscv64: 'riscv64', ppc64: 'ppc64le', s390x: 's390x', mips: 'mips',
};

export class NativeProcess implements Process {
  readonly abi: Abi;
  readonly backend: BackendName = 'native';
  /** The executor's process id (for a test that ends it, and for messages). */
  readonly pid: number;
  /** The page size the executor reported (mappings are rounded to it). */
  readonly pageSize: number;
  private readonly channel: ExecutorChannel;
  private readonly allowed: ReadonlySet<string>;

  private constructor(abi: Abi, channel: ExecutorChannel, pageSize: number, allow: readonly string[]) {
    this.abi = abi;
    this.channel = channel;
    this.pid = channel.pid;
    this.pageSize = pageSize;
    this.allowed = new Set(allow.map((p) => path.resolve(p)));
  }

  /** Compiles (first use) and starts an executor. Problems come back as issues (exit 2 at the CLI). */
  /** The ABI a host executor calls as (`x86_64` here), or undefined on an architecture the backend does not know. */
  static hostAbi(): string | undefined {
    return HOST_ABI[process.arch];
  }

  static start(options: NativeProcessOptions): NativeStart {
    const abiName = options.build?.abi === 'i386' ? 'i386' : HOST_ABI[process.arch];
    const abi = abiName !== undefined ? findAbi(abiName) : undefined;
    if (abi === undefined) return failed('NATIVE_ABI_UNAVAILABLE', `the native backend does not know the ABI of this host (${process.arch})`);
    const built = buildExecutor(options.build);
    if (!built.ok) return built;
    const channel = ExecutorChannel.start(built.path, options.opTimeoutSeconds ?? 10);
    if (typeof channel === 'string') return failed('NATIVE_EXECUTOR_START', channel);
    const hello = channel.call(OP.hello);
    if (hello === undefined || hello.errno !== 0 || hello.payload.toString('latin1') !== GREETING) {
      channel.kill();
      channel.close();
      return failed('NATIVE_EXECUTOR_START', `${built.path} did not answer as the executor of this harness (${channel.gone ?? 'wrong greeting'})`);
    }
    return { ok: true, process: new NativeProcess(abi, channel, Number(hello.value), options.allow) };
  }

  /** Why the executor is gone, once it is (every operation then answers ESRCH). */
  get gone(): string | undefined {
    return this.channel.gone;
  }

  open(file: string, flags = 0): SysResult<number> {
    if (!this.allowed.has(path.resolve(file))) return { ok: false, errno: errno.EACCES };
    const r = this.channel.call(OP.open, payloadOf([['u32', flags], ['u32', 0]], Buffer.from(`${file}\0`, 'utf8')));
    if (r === undefined) return { ok: false, errno: EXECUTOR_GONE };
    return r.errno === 0 ? { ok: true, value: Number(r.value) } : { ok: false, errno: r.errno };
  }

  ioctl(fd: number, request: number, arg: bigint | number): IoctlOutcome {
    const r = this.channel.call(OP.ioctl, payloadOf([['u32', fd], ['u32', 0], ['u64', request], ['u64', BigInt.asUintN(64, BigInt(arg))]]));
    if (r === undefined) return { errno: EXECUTOR_GONE, value: -1 };
    return { errno: r.errno, value: Number(r.value) };
  }

  close(fd: number): Errno {
    return this.channel.call(OP.close, payloadOf([['u32', fd]]))?.errno ?? EXECUTOR_GONE;
  }

  map(length: number, request: MapRequest = {}): SysResult<number> {
    const r = this.channel.call(OP.map, payloadOf([['u64', length], ['u32', request.writable === false ? 0 : 1]]));
    if (r === undefined) return { ok: false, errno: EXECUTOR_GONE };
    return r.errno === 0 ? { ok: true, value: Number(r.value) } : { ok: false, errno: r.errno };
  }

  unmap(address: number): Errno {
    return this.channel.call(OP.unmap, payloadOf([['u64', address]]))?.errno ?? EXECUTOR_GONE;
  }

  write(address: number, bytes: Uint8Array): Errno {
    let at = 0;
    do {
      const piece = bytes.subarray(at, Math.min(bytes.length, at + CHUNK));
      const e = this.channel.call(OP.write, payloadOf([['u64', address + at]], piece))?.errno ?? EXECUTOR_GONE;
      if (e !== 0) return e;
      at += CHUNK;
    } while (at < bytes.length);
    return 0;
  }

  read(address: number, length: number): SysResult<Uint8Array> {
    if (!Number.isSafeInteger(length) || length < 0) return { ok: false, errno: errno.EINVAL };
    const out = new Uint8Array(length);
    let at = 0;
    do {
      const r = this.channel.call(OP.read, payloadOf([['u64', address + at], ['u64', Math.min(CHUNK, length - at)]]));
      if (r === undefined) return { ok: false, errno: EXECUTOR_GONE };
      if (r.errno !== 0) return { ok: false, errno: r.errno };
      out.set(r.payload, at);
      at += CHUNK;
    } while (at < length);
    return { ok: true, value: out };
  }

  exit(): void {
    this.channel.close();
  }

  /** Ends the executor abruptly (SIGKILL), as a crash would: later operations answer ESRCH. */
  kill(): void {
    this.channel.kill();
  }
}

function failed(code: string, message: string): NativeStart {
  return { ok: false, issues: [issue(code, 'native executor', message)] };
}
