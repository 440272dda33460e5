import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { issue, type Issue } from '../core/diagnostics/issue';
import type { Abi } from '../core/layout/abi';
import type { Device } from '../../emulator/device/device';
import type { OpenFile } from '../../emulator/kernel/open-file';
import { resolveProgram } from '../frontend/clang/find-clang';
import { dynamicElfProblem } from './elf-check';
import { Channel, ChannelClosed, MSG, type Message } from './protocol';
import { RemoteProcess } from './remote-process';

/** One call the program made on the emulated device, and what it got (a value, or -errno). */
export interface DeviceCall {
  readonly op: 'open' | 'ioctl' | 'close' | 'mmap' | 'munmap';
  /** The emulated file (0, 1, ... in order of opening). */
  readonly file: number;
  readonly request?: number;
  readonly result: number;
}

export interface InterposedRun {
  /** The program's exit status (128 + n after signal n; 124 after the time limit), or undefined when unknown. */
  readonly exitStatus: number | undefined;
  readonly stdout: string;
  readonly stderr: string;
  readonly calls: readonly DeviceCall[];
  /** The channel broke (the program died in a call, or spoke out of turn). */
  readonly problem?: string;
}

export interface InterposedOptions {
  readonly program: string;
  readonly args?: readonly string[];
  /** The emulated device the program's device nodes open. */
  readonly device: Device;
  /** The program's ABI (its pointer size is checked against the library's hello). */
  readonly abi: Abi;
  /** The interposer library built for that ABI (interposerLibrary). */
  readonly library: string;
  /** Wall-clock limit through coreutils' `timeout`, when it is installed (default 60 s). */
  readonly timeoutSeconds?: number;
}

// The wrapper shell holds the request FIFO open for the whole run, so Node's open of it returns
// even when the program never opens its device, and writes the program's exit status last: Node
// learns how the program ended from the stream alone, synchronously, without waiting for a child
// process event (Node's event loop is blocked while it serves the program).
const WRAPPER = [
  'exec 3>"$UAPI_INTERPOSER_REQUEST"',
  'LD_PRELOAD="$UAPI_INTERPOSER_LIBRARY${LD_PRELOAD:+ $LD_PRELOAD}" $UAPI_INTERPOSER_LIMIT "$@" 3>&-',
  'rc=$?',
  "printf '\\011\\000\\000\\000\\004\\000\\000\\000%03d\\n' \"$rc\" >&3",
].join('\n');

/**
 * Runs an unmodified dynamically linked program with the interposer preloaded, serving its device
 * calls from `device` until it ends. Synchronous: the emulated driver runs in this thread while the
 * program waits. A statically linked program is refused (an issue, nothing runs).
 */
export function runInterposed(options: InterposedOptions): { run?: InterposedRun; issues: Issue[] } {
  const problem = dynamicElfProblem(options.program);
  if (problem !== undefined) return { issues: [issue('INTERPOSER_NOT_DYNAMIC', options.program, `cannot run under the interposer: ${problem}`)] };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-interposer-'));
  try {
    const request = path.join(tmp, 'request');
    const reply = path.join(tmp, 'reply');
    const fifo = spawnSync('mkfifo', ['-m', '600', request, reply], { encoding: 'utf8' });
    if (fifo.status !== 0) return { issues: [issue('INTERPOSER_FIFO', tmp, `mkfifo failed: ${fifo.stderr ?? fifo.error?.message ?? ''}`.trim())] };
    const out = fs.openSync(path.join(tmp, 'stdout'), 'w');
    const err = fs.openSync(path.join(tmp, 'stderr'), 'w');
    const limit = resolveProgram('timeout', process.env) !== undefined ? `timeout -k 5 ${options.timeoutSeconds ?? 60}` : '';
    const child = spawn('/bin/sh', ['-c', WRAPPER, 'sh', options.program, ...(options.args ?? [])], {
      stdio: ['ignore', out, err],
      env: { ...process.env, UAPI_INTERPOSER_REQUEST: request, UAPI_INTERPOSER_REPLY: reply, UAPI_INTERPOSER_LIBRARY: options.library, UAPI_INTERPOSER_LIMIT: limit },
    });
    child.on('error', () => undefined);
    fs.closeSync(out);
    fs.closeSync(err);
    const channel = new Channel(fs.openSync(request, 'r'), reply);
    const served = serve(channel, options);
    channel.close();
    const read = (name: string): string => fs.readFileSync(path.join(tmp, name), 'utf8');
    return { run: { ...served, stdout: read('stdout'), stderr: read('stderr') }, issues: [] };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function serve(channel: Channel, options: InterposedOptions): Omit<InterposedRun, 'stdout' | 'stderr'> {
  const process = new RemoteProcess(options.abi, channel);
  const files: (OpenFile | undefined)[] = [];
  const calls: DeviceCall[] = [];
  let exitStatus: number | undefined;
  let problem: string | undefined;
  const device = options.device;
  const handlers: Readonly<Record<number, (p: Buffer) => DeviceCall | undefined>> = {
    [MSG.HELLO]: (p) => {
      const bytes = p.readUInt32LE(0);
      if (bytes !== options.abi.pointerBytes) problem = `the program has ${bytes}-byte pointers, not ${options.abi.name}'s ${options.abi.pointerBytes}`;
      channel.openReply();
      return undefined;
    },
    [MSG.OPEN]: (p) => {
      const r = device.open(process, p.readUInt32LE(0) === 1 ? 'control' : 'compute');
      if (!r.ok) return { op: 'open', file: -1, result: -r.errno };
      files.push(r.value);
      return { op: 'open', file: files.length - 1, result: files.length - 1 };
    },
    [MSG.IOCTL]: (p) => {
      const id = p.readUInt32LE(0);
      const request = Number(p.readBigUInt64LE(8));
      const f = files[id];
      if (f === undefined) return { op: 'ioctl', file: id, request, result: -9 };
      process.memory.pull();
      const errno = device.ioctl(f, request, p.readBigUInt64LE(16));
      process.memory.push();
      return { op: 'ioctl', file: id, request, result: -errno };
    },
    [MSG.CLOSE]: (p) => {
      const id = p.readUInt32LE(0);
      const f = files[id];
      if (f !== undefined) device.release(f);
      files[id] = undefined;
      return { op: 'close', file: id, result: f === undefined ? -9 : 0 };
    },
    [MSG.MMAP]: (p) => {
      const id = p.readUInt32LE(0);
      const f = files[id];
      const length = Number(p.readBigUInt64LE(16));
      const b = f === undefined ? undefined : device.mmapBacking(f, p.readBigUInt64LE(8), length);
      const result = b === undefined ? -9 : !b.ok ? -b.errno : process.memory.mapDevice(Number(p.readBigUInt64LE(24)), b.value.bytes, length) ? 0 : -14;
      return { op: 'mmap', file: id, result };
    },
    [MSG.MUNMAP]: (p) => {
      process.memory.unmapDevice(Number(p.readBigUInt64LE(0)));
      return { op: 'munmap', file: -1, result: 0 };
    },
  };
  for (;;) {
    let m: Message | undefined;
    try {
      m = channel.next();
    } catch (e) {
      problem ??= (e as Error).message;
      break;
    }
    if (m === undefined) break;
    if (m.kind === MSG.EXIT) {
      exitStatus = Number.parseInt(m.payload.toString('latin1'), 10);
      continue;
    }
    const handle = handlers[m.kind];
    if (handle === undefined) {
      problem ??= `the program sent message ${m.kind} out of turn`;
      break;
    }
    try {
      const call = handle(m.payload);
      if (call === undefined) continue;
      calls.push(call);
      channel.done(call.result);
    } catch (e) {
      if (!(e instanceof ChannelClosed)) throw e;
      problem ??= e.message;
      break;
    }
  }
  // The program is gone: as at process exit, every file it left open is released.
  for (const f of files) if (f !== undefined) device.release(f);
  return { exitStatus, calls, ...(problem !== undefined ? { problem } : {}) };
}
