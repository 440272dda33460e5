import type { Process } from '../../../core/boundary/process';
import type { Abi } from '../../../core/layout/abi';
import type { Spec } from '../../../core/model/model';
import type { IoctlCounter } from './session-hook';

/** How a file of the device is opened: one context per compute open, INFO only on the control node. */
export type OpenMode = 'compute' | 'control';

/**
 * A running device as the suite's world sees it: the spec it serves, processes that reach it through
 * the `Process` boundary, and what can be observed of it from outside. The emulated core is one
 * (`emulated-instance.ts`); a device under test defined elsewhere brings its own.
 */
export interface DeviceInstance {
  /** The spec the device implements (an older client's spec may differ). */
  readonly spec: Spec;
  /** Exceptions the device caught inside its ioctl entry since it was made (a real kernel shows none). */
  readonly internalErrors: readonly unknown[];
  /** The device's bookkeeping a rejected call must leave alone, as text; undefined when it cannot be seen. */
  digest(): string | undefined;
  /** The node a process opens for `mode` (undefined: the device has no such node). */
  node(mode: OpenMode): string | undefined;
  /** `count` fresh processes of `abi` that can open the device's nodes; every ioctl they make is counted in `counter`. */
  processes(abi: Abi, counter: IoctlCounter, count: number): Process[];
}
