import type { Context } from '../device/context';
import type { Device } from '../device/device';
import type { KernelView } from './kernel-view';
import type { UserProcess } from './user-process';

/** The compute device (one context per file) or the control device (INFO only, no context). */
export type OpenMode = 'compute' | 'control';

/** An open file of the device: the kernel's `struct file` and the driver's per-file data. */
export class OpenFile {
  readonly device: Device;
  readonly process: UserProcess;
  readonly mode: OpenMode;
  /** The compute context; undefined on the control device. */
  readonly ctx: Context | undefined;
  /** The kernel ABI's codecs and dispatch table (a 32-bit process talks to the 64-bit kernel of its architecture). */
  readonly kernel: KernelView;
  readonly openedNs: number;
  closed = false;
  /** eventfd registered with HL_INFO_REGISTER_EVENTFD, and notifier events not yet read. */
  eventfd: number | undefined;
  events = 0n;

  constructor(device: Device, process: UserProcess, mode: OpenMode, ctx: Context | undefined, kernel: KernelView, openedNs: number) {
    this.device = device;
    this.process = process;
    this.mode = mode;
    this.ctx = ctx;
    this.kernel = kernel;
    this.openedNs = openedNs;
  }
}
