import { createDevice } from '../../../emulator/device/create-device';
import type { DeviceConfig } from '../../../emulator/device/config';
import type { Device } from '../../../emulator/device/device';
import type { MutationId } from '../../../emulator/mutations';
import { findAbi, type Abi } from '../../core/layout/abi';
import type { Spec } from '../../core/model/model';
import { fromCompactHex } from './compact-hex';
import { RecordingProcess } from './recording-process';
import type { Trace, TraceSession, TraceStep } from './trace-format';

/** Where replaying a trace first got another answer than the recorded one. */
export interface Divergence {
  /** Index of the session in the trace, and of the step in the session. */
  readonly session: number;
  readonly step: number;
  readonly property: string;
  readonly abi: string;
  readonly recorded: TraceStep;
  /** What the current core answered to the same step (undefined when it could not be made at all). */
  readonly replayed: TraceStep | undefined;
  /** Why the step could not be made (a bad trace, or the core threw), when it could not. */
  readonly problem?: string;
}

export interface ReplayResult {
  readonly sessions: number;
  readonly steps: number;
  readonly ioctls: number;
  readonly divergence?: Divergence;
}

/** Same step, same answer: compares the JSON of both (steps are plain data). */
const same = (a: TraceStep, b: TraceStep): boolean => JSON.stringify(a) === JSON.stringify(b);

function argValue(text: string): bigint | number {
  if (text.startsWith('n:')) return Number(text.slice(2));
  return text.startsWith('-') ? -BigInt(text.slice(1)) : BigInt(text);
}

function bytesOf(text: string): Uint8Array {
  const r = fromCompactHex(text);
  if (r.bytes === undefined) throw new Error(r.error ?? 'bad hex');
  return r.bytes;
}

/** Makes one recorded step on the replaying process (which reports the step it made to its sink). */
function perform(step: TraceStep, process: RecordingProcess, device: Device): void {
  switch (step.op) {
    case 'open': process.open(device, step.mode); break;
    case 'close': process.close(step.fd); break;
    case 'ioctl': process.ioctl(step.fd, Number.parseInt(step.req, 16), argValue(step.arg)); break;
    case 'mmap': process.mmap(step.fd, BigInt(step.offset), step.length); break;
    case 'map':
      process.memory.map(step.length, {
        ...(step.at !== undefined ? { at: step.at } : {}), writable: step.writable,
        ...(step.init !== undefined ? { backing: bytesOf(step.init) } : {}),
      });
      break;
    case 'unmap': process.memory.unmap(step.address); break;
    case 'write': {
      const b = bytesOf(step.bytes);
      process.memory.copyOut(step.address, b, 0, b.length);
      break;
    }
    case 'signal': process.raiseSignal(); break;
    default: throw new Error(`unknown step ${JSON.stringify((step as { op?: unknown }).op)}`);
  }
}

/** Replays one session on a fresh device; the index of the first divergent step, with what happened. */
function replaySession(trace: Trace, index: number, s: TraceSession, deviceSpec: Spec, mutations: readonly MutationId[], counter: { ioctls: number }): Divergence | undefined {
  const at = (step: number, recorded: TraceStep, replayed: TraceStep | undefined, problem?: string): Divergence =>
    ({ session: index, step, property: s.property, abi: s.abi, recorded, replayed, ...(problem !== undefined ? { problem } : {}) });
  const first = trace.steps[s.steps[0] ?? -1];
  const abi: Abi | undefined = findAbi(s.abi);
  const { device, issues } = createDevice({ spec: deviceSpec, config: s.config as Partial<DeviceConfig>, mutations });
  if (abi === undefined || device === undefined || first === undefined) {
    const why = abi === undefined ? `unknown ABI ${s.abi}` : device === undefined ? issues.map((i) => i.message).join('; ') : 'an empty session';
    return at(0, first ?? { op: 'signal', p: 0, rc: 0 }, undefined, why);
  }
  let made: TraceStep | undefined;
  const sink = (step: TraceStep): void => { made = step; };
  const processes = Array.from({ length: s.processes }, (_, i) => new RecordingProcess(abi, sink, i, counter));
  for (let k = 0; k < s.steps.length; k++) {
    const recorded = trace.steps[s.steps[k] ?? -1];
    if (recorded === undefined) return at(k, first, undefined, `step index ${s.steps[k]} is not in the trace`);
    const process = processes[recorded.p];
    if (process === undefined) return at(k, recorded, undefined, `no process ${recorded.p} in the session`);
    made = undefined;
    try {
      perform(recorded, process, device);
    } catch (e) {
      return at(k, recorded, made, `the step threw: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (made === undefined || !same(recorded, made)) return at(k, recorded, made);
  }
  return undefined;
}

/**
 * Replays every session of a release's trace against the core implementing `deviceSpec`: the same
 * calls with the same bytes, in the same order, on a fresh device per session; every answer (errno,
 * descriptor, address, every byte the kernel wrote) must be the recorded one. Stops at the first
 * divergent step.
 */
export function replayTrace(trace: Trace, deviceSpec: Spec, options: { mutations?: readonly MutationId[] } = {}): ReplayResult {
  const counter = { ioctls: 0 };
  let steps = 0;
  for (let i = 0; i < trace.sessions.length; i++) {
    const s = trace.sessions[i] as TraceSession;
    const divergence = replaySession(trace, i, s, deviceSpec, options.mutations ?? [], counter);
    if (divergence !== undefined) return { sessions: i + 1, steps: steps + divergence.step + 1, ioctls: counter.ioctls, divergence };
    steps += s.steps.length;
  }
  return { sessions: trace.sessions.length, steps, ioctls: counter.ioctls };
}
