import { findAbi, type Abi } from '../../harness/core/layout/abi';
import type { Device } from '../device/device';
import { E, fail, ok, type Errno, type SysResult } from '../errno';
import type { OpenFile, OpenMode } from '../kernel/open-file';
import type { UserProcess } from '../kernel/user-process';
import { AddressSpace } from './address-space';

/**
 * An emulated user process: an ABI, an address space, a file descriptor table, and the system calls
 * a driver's userspace uses (open, ioctl, mmap, munmap, close). Every call returns an errno or a
 * value; none throws.
 */
export class Process implements UserProcess {
  readonly abi: Abi;
  readonly memory: AddressSpace;
  signalPending = false;
  private readonly fds: (OpenFile | undefined)[] = [undefined, undefined, undefined];

  /** `memory` lets a subclass observe the address space (a trace recorder); by default a fresh one. */
  constructor(abi: Abi, memory: AddressSpace = new AddressSpace(abi.pointerBytes)) {
    this.abi = abi;
    this.memory = memory;
  }

  /** A process of the named ABI (`x86_64`, `i386`, ...), or undefined for an unknown name. */
  static of(abiName: string): Process | undefined {
    const abi = findAbi(abiName);
    return abi === undefined ? undefined : new Process(abi);
  }

  /** open("/dev/accel/accel0") (compute) or the control node; the lowest free descriptor. */
  open(device: Device, mode: OpenMode = 'compute'): SysResult<number> {
    const r = device.open(this, mode);
    if (!r.ok) return r;
    let fd = this.fds.indexOf(undefined, 3);
    if (fd < 0) fd = this.fds.length;
    this.fds[fd] = r.value;
    return ok(fd);
  }

  ioctl(fd: number, request: number, arg: bigint | number): Errno {
    const f = this.fds[fd];
    if (f === undefined) return E.EBADF;
    return f.device.ioctl(f, request, arg);
  }

  /** mmap of a device handle (command buffer, timestamp buffer, block): maps exactly `length` bytes. */
  mmap(fd: number, offset: bigint, length: number): SysResult<number> {
    const f = this.fds[fd];
    if (f === undefined) return fail(E.EBADF);
    const b = f.device.mmapBacking(f, offset, length);
    if (!b.ok) return b;
    return this.memory.map(length, { backing: b.value.bytes, label: b.value.label });
  }

  /** Anonymous memory (malloc's big allocations). */
  allocate(length: number, writable = true): SysResult<number> {
    return this.memory.map(length, { writable });
  }

  munmap(address: number): Errno {
    return this.memory.unmap(address);
  }

  close(fd: number): Errno {
    const f = this.fds[fd];
    if (f === undefined) return E.EBADF;
    this.fds[fd] = undefined;
    f.device.release(f);
    return 0;
  }

  /** Closes every descriptor (process exit). */
  exit(): void {
    this.fds.forEach((_, fd) => { if (fd >= 3) this.close(fd); });
  }

  /** A signal arrives: the next interruptible sleep returns EINTR. */
  raiseSignal(): void {
    this.signalPending = true;
  }

  deliverSignal(): void {
    this.signalPending = false;
  }
}
