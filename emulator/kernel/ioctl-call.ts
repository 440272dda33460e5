import type { FailureClass } from '../../harness/core/model/model';
import type { Context } from '../device/context';
import type { Device } from '../device/device';
import { E, type Errno } from '../errno';
import { userAddress } from '../process/address-space';
import type { IoctlBinding } from './ioctl-binding';
import type { KernelCodecs } from './kernel-codecs';
import type { OpenFile } from './open-file';
import type { SpecConstants } from './spec-constants';

/** The largest argument an ioctl request can describe (14-bit size field). */
export const MAX_ARG_SIZE = 1 << 14;

/**
 * One ioctl in progress, as a handler sees it. A device reuses a single instance (the entry fills
 * `file` and `binding`), so a call allocates nothing; handlers must not keep it.
 */
export class IoctlCall {
  file!: OpenFile;
  binding!: IoctlBinding;
  /** The kernel's copy of the argument, zero-extended to at least the driver's size. */
  readonly arg = new Uint8Array(MAX_ARG_SIZE);
  readonly view = new DataView(this.arg.buffer);
  readonly device: Device;

  constructor(device: Device) {
    this.device = device;
  }

  get ctx(): Context | undefined {
    return this.file.ctx;
  }

  get codecs(): KernelCodecs {
    return this.file.kernel.codecs;
  }

  get k(): SpecConstants {
    return this.device.constants;
  }

  /** The spec's errno for a failure class of this ioctl. */
  errno(failure: FailureClass): Errno {
    return this.binding.errno[failure];
  }

  /** errno for a handle this file cannot use: foreign (another file's) or stale (no such handle). */
  badHandle(handle: bigint): Errno {
    if (this.device.mutations['stale-handle-enoent']) return E.ENOENT;
    const foreign = this.ctx?.handles.isForeign(handle) ?? false;
    return this.errno(foreign ? 'foreignHandle' : 'staleHandle');
  }

  /** Clears the argument before a handler writes its output (as the driver's memset does). */
  clearArg(): void {
    this.arg.fill(0, 0, this.binding.size);
  }

  /** copy_from_user from a __u64 user pointer. */
  copyIn(pointer: bigint | number, dst: Uint8Array, dstOffset: number, length: number): boolean {
    return this.file.process.memory.copyIn(userAddress(pointer), dst, dstOffset, length);
  }

  /** copy_to_user to a __u64 user pointer. */
  copyOut(pointer: bigint | number, src: Uint8Array, srcOffset: number, length: number): boolean {
    return this.file.process.memory.copyOut(userAddress(pointer), src, srcOffset, length);
  }
}
