import type { Device } from '../../../../emulator/device/device';
import { accelNodes, nodeOf } from '../../../../emulator/process/device-nodes';
import { EmulatedProcess } from '../../../../emulator/process/emulated-process';
import { Process as Task } from '../../../../emulator/process/process';
import type { Process } from '../../../core/boundary/process';
import type { Abi } from '../../../core/layout/abi';
import type { Spec } from '../../../core/model/model';
import type { DeviceInstance, OpenMode } from './device-instance';
import { deviceDigest } from './digest';
import { activeSessionHook, type IoctlCounter } from './session-hook';

/** An emulated process whose ioctls are counted. */
class CountingTask extends Task {
  private readonly counter: IoctlCounter;

  constructor(abi: Abi, counter: IoctlCounter) {
    super(abi);
    this.counter = counter;
  }

  override ioctl(fd: number, request: number, arg: bigint | number): number {
    this.counter.ioctls += 1;
    return super.ioctl(fd, request, arg);
  }
}

/** The emulated habanalabs core as a running device of the suite's world. */
export class EmulatedInstance implements DeviceInstance {
  readonly device: Device;

  constructor(device: Device) {
    this.device = device;
  }

  get spec(): Spec {
    return this.device.spec;
  }

  get internalErrors(): readonly unknown[] {
    return this.device.internalErrors;
  }

  digest(): string {
    return deviceDigest(this.device);
  }

  node(mode: OpenMode): string {
    return nodeOf(mode);
  }

  processes(abi: Abi, counter: IoctlCounter, count: number): Process[] {
    // A trace recorder, when one watches, supplies processes that record what they do.
    const make = activeSessionHook()?.session(abi, count, this.device.config);
    const nodes = accelNodes(this.device);
    return Array.from({ length: count }, (_, i) => new EmulatedProcess(nodes, make?.(i, counter) ?? new CountingTask(abi, counter)));
  }
}

/** The emulated kernel's view of a process of the emulated core (signals, its address space); undefined for another backend. */
export function taskOf(process: Process): Task | undefined {
  return process instanceof EmulatedProcess ? process.task : undefined;
}

/** {@link taskOf}, for a step only the emulated core has (a signal during a wait): throws for another backend. */
export function emulatedTask(process: Process): Task {
  const task = taskOf(process);
  if (task === undefined) throw new Error('this step needs a process of the emulated core');
  return task;
}
