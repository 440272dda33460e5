import type { Errno } from '../errno';
import type { IoctlCall } from './ioctl-call';

/**
 * The driver side of one ioctl. `handle` finds the caller's argument in `call.arg` (the driver's
 * struct size, zero-extended), may rewrite it for the copy back, and returns 0 or an errno. It never
 * throws: every failure is an errno chosen from the spec's table (`call.errno(class)`).
 */
export interface IoctlHandler {
  /** Name of the spec ioctl this implements (its nr comes from the spec). */
  readonly ioctl: string;
  /** Whether the control device (no compute context) accepts it. */
  readonly onControl: boolean;
  handle(call: IoctlCall): Errno;
}
