import type { DeviceConfig } from '../../../emulator/device/config';
import type { Process } from '../../../emulator/process/process';
import type { Abi } from '../../core/layout/abi';
import type { IoctlCounter, SessionHook } from '../pbt/world/session-hook';
import { RecordingProcess } from './recording-process';
import type { TraceSession, TraceStep } from './trace-format';

/**
 * Collects the sessions of a suite run as a trace: every system the suite builds while the recorder
 * watches becomes a session; its steps are interned, so the stage each run starts with (the same
 * calls, the same addresses, the same answers) is stored once.
 */
export class TraceRecorder implements SessionHook {
  readonly steps: TraceStep[] = [];
  readonly sessions: TraceSession[] = [];
  /** The property whose runs are being recorded (the sessions' label). */
  property = '';
  ioctls = 0;
  private readonly index = new Map<string, number>();

  session(abi: Abi, processes: number, config: DeviceConfig): (index: number, counter: IoctlCounter) => Process {
    const steps: number[] = [];
    this.sessions.push({ property: this.property, abi: abi.name, processes, config: JSON.parse(JSON.stringify(config)) as unknown, steps });
    const sink = (step: TraceStep): void => {
      if (step.op === 'ioctl') this.ioctls++;
      steps.push(this.intern(step));
    };
    return (i, counter) => new RecordingProcess(abi, sink, i, counter);
  }

  private intern(step: TraceStep): number {
    const key = JSON.stringify(step);
    const known = this.index.get(key);
    if (known !== undefined) return known;
    this.steps.push(step);
    this.index.set(key, this.steps.length - 1);
    return this.steps.length - 1;
  }
}
