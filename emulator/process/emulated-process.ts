import type { Abi } from '../../harness/core/layout/abi';
import type { BackendName, IoctlOutcome, MapRequest, Process as BoundaryProcess } from '../../harness/core/boundary/process';
import { E, fail, ok, type Errno, type SysResult } from '../errno';
import { PAGE_SIZE } from './address-space';
import type { Device } from '../device/device';
import { accelNodes, type DeviceNodes } from './device-nodes';
import { Process } from './process';

/**
 * The emulated core seen through the `Process` boundary (harness/core/boundary/process.ts): what the
 * one userspace caller speaks to, whichever backend stands behind it. `open` looks the path up in the
 * emulated /dev (a {@link DeviceNodes} table), everything else goes to the emulated kernel's view of
 * the process, {@link task} (its address space, descriptor table and signals), which a trace recorder
 * may observe by subclassing.
 */
export class EmulatedProcess implements BoundaryProcess {
  readonly backend: BackendName = 'emulated';
  readonly abi: Abi;
  /** The process as the emulated kernel sees it (tests and device-specific steps such as signals use it). */
  readonly task: Process;
  private readonly nodes: DeviceNodes;

  constructor(nodes: DeviceNodes, task: Process) {
    this.nodes = nodes;
    this.task = task;
    this.abi = task.abi;
  }

  /** A fresh process of `abi` in front of `nodes`. */
  static of(abi: Abi, nodes: DeviceNodes): EmulatedProcess {
    return new EmulatedProcess(nodes, new Process(abi));
  }

  /** A fresh process of `abi` with `device` at the habanalabs node paths (/dev/accel/accel0, ...). */
  static on(device: Device, abi: Abi): EmulatedProcess {
    return EmulatedProcess.of(abi, accelNodes(device));
  }

  /** ENOENT for a path the emulated /dev does not hold; `flags` are accepted and ignored (O_RDWR is implied). */
  open(path: string, _flags = 0): SysResult<number> {
    const node = this.nodes.get(path);
    return node === undefined ? fail(E.ENOENT) : this.task.open(node.device, node.mode);
  }

  /** The emulated entry returns an errno and never throws (it records what it caught in `internalErrors`). */
  ioctl(fd: number, request: number, arg: bigint | number): IoctlOutcome {
    return { errno: this.task.ioctl(fd, request, arg), value: 0 };
  }

  close(fd: number): Errno {
    return this.task.close(fd);
  }

  /**
   * Anonymous memory. Contents of a writable mapping are copied in after it is made; a read-only one
   * is made with its contents as its backing (the address space has no mprotect: this is what a real
   * process's mmap, copy, mprotect leaves).
   */
  map(length: number, request: MapRequest = {}): SysResult<number> {
    const writable = request.writable ?? true;
    const contents = request.contents;
    if (contents === undefined) return this.task.allocate(length, writable);
    const bytes = contents.subarray(0, length);
    if (writable) {
      const m = this.task.allocate(length, true);
      if (m.ok) this.task.memory.copyOut(m.value, bytes, 0, bytes.length);
      return m;
    }
    const backing = new Uint8Array(Math.ceil(length / PAGE_SIZE) * PAGE_SIZE);
    backing.set(bytes);
    return this.task.memory.map(length, { writable: false, backing });
  }

  mmap(fd: number, offset: bigint, length: number): SysResult<number> {
    return this.task.mmap(fd, offset, length);
  }

  unmap(address: number): Errno {
    return this.task.munmap(address);
  }

  write(address: number, bytes: Uint8Array): Errno {
    return this.task.memory.copyOut(address, bytes, 0, bytes.length) ? 0 : E.EFAULT;
  }

  read(address: number, length: number): SysResult<Uint8Array> {
    const out = new Uint8Array(length);
    return this.task.memory.copyIn(address, out, 0, length) ? ok(out) : fail(E.EFAULT);
  }

  exit(): void {
    this.task.exit();
  }
}
