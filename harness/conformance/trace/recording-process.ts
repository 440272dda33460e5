import type { Device } from '../../../emulator/device/device';
import type { Errno, SysResult } from '../../../emulator/errno';
import type { OpenMode } from '../../../emulator/kernel/open-file';
import { AddressSpace, type MapOptions } from '../../../emulator/process/address-space';
import { Process } from '../../../emulator/process/process';
import type { Abi } from '../../core/layout/abi';
import { toCompactHex } from './compact-hex';
import type { TraceStep, TraceWrite } from './trace-format';

/** Where a recording process sends each step, as it completes. */
export type StepSink = (step: TraceStep) => void;

const rcOf = (r: SysResult<number>): number => (r.ok ? r.value : -r.errno);
/** The argument as the trace writes it: hex for an integer, the number itself otherwise (a fuzzed NaN). */
export const argText = (arg: bigint | number): string =>
  typeof arg === 'bigint' || Number.isInteger(arg) ? `0x${BigInt(arg).toString(16)}`.replace('0x-', '-0x') : `n:${arg}`;

const copy = (src: Uint8Array, offset: number, length: number): Uint8Array => src.slice(offset, offset + length);

/**
 * An address space that reports what happens to it: maps, unmaps and userspace's writes as steps;
 * while the kernel runs an ioctl, its copy_to_user writes are collected instead (they are the call's
 * results, not inputs).
 */
export class RecordingAddressSpace extends AddressSpace {
  private kernelWrites: TraceWrite[] | undefined;
  /** Above 0 while a system call maps memory itself (mmap): that map is part of the call's step. */
  private quiet = 0;

  constructor(pointerBytes: 4 | 8, private readonly sink: StepSink, private readonly p: number) {
    super(pointerBytes);
  }

  override map(length: number, options: MapOptions = {}): SysResult<number> {
    const r = super.map(length, options);
    if (this.quiet === 0) {
      this.sink({
        op: 'map', p: this.p, length, ...(options.at !== undefined ? { at: options.at } : {}), writable: options.writable ?? true,
        ...(options.backing !== undefined ? { init: toCompactHex(options.backing) } : {}), rc: rcOf(r),
      });
    }
    return r;
  }

  override unmap(start: number): Errno {
    const rc = super.unmap(start);
    this.sink({ op: 'unmap', p: this.p, address: start, rc });
    return rc;
  }

  override copyOut(addr: number, src: Uint8Array, srcOffset: number, length: number): boolean {
    const done = super.copyOut(addr, src, srcOffset, length);
    if (this.kernelWrites !== undefined) {
      if (done && length > 0) this.kernelWrites.push({ address: addr, bytes: toCompactHex(copy(src, srcOffset, length)) });
    } else {
      this.sink({ op: 'write', p: this.p, address: addr, bytes: toCompactHex(copy(src, srcOffset, length)), rc: done ? 1 : 0 });
    }
    return done;
  }

  /** Runs `f` as the kernel: its writes are returned, not reported as steps. */
  asKernel<T>(f: () => T): { value: T; writes: TraceWrite[] } {
    const outer = this.kernelWrites;
    const writes: TraceWrite[] = [];
    this.kernelWrites = writes;
    try {
      return { value: f(), writes };
    } finally {
      this.kernelWrites = outer;
    }
  }

  /** Runs `f` without reporting the maps it makes. */
  inSyscall<T>(f: () => T): T {
    this.quiet++;
    try {
      return f();
    } finally {
      this.quiet--;
    }
  }
}

/** Counts every ioctl a run makes (shared with the suite's counter). */
export interface StepCounter {
  ioctls: number;
}

/**
 * A process whose every system call and memory write becomes a {@link TraceStep}: the recorder's
 * view of a suite run, and the replayer's of a replay (the same class on both sides, so a replayed
 * step is compared with the recorded one as data).
 */
export class RecordingProcess extends Process {
  private readonly recording: RecordingAddressSpace;

  constructor(abi: Abi, private readonly sink: StepSink, private readonly p: number, private readonly counter?: StepCounter) {
    const memory = new RecordingAddressSpace(abi.pointerBytes, sink, p);
    super(abi, memory);
    this.recording = memory;
  }

  override open(device: Device, mode: OpenMode = 'compute'): SysResult<number> {
    const r = super.open(device, mode);
    this.sink({ op: 'open', p: this.p, mode, rc: rcOf(r) });
    return r;
  }

  override ioctl(fd: number, request: number, arg: bigint | number): Errno {
    if (this.counter !== undefined) this.counter.ioctls += 1;
    const { value: rc, writes } = this.recording.asKernel(() => super.ioctl(fd, request, arg));
    this.sink({ op: 'ioctl', p: this.p, fd, req: request.toString(16).padStart(8, '0'), arg: argText(arg), rc, writes });
    return rc;
  }

  override mmap(fd: number, offset: bigint, length: number): SysResult<number> {
    const r = this.recording.inSyscall(() => super.mmap(fd, offset, length));
    this.sink({ op: 'mmap', p: this.p, fd, offset: `0x${offset.toString(16)}`, length, rc: rcOf(r) });
    return r;
  }

  override close(fd: number): Errno {
    const rc = super.close(fd);
    this.sink({ op: 'close', p: this.p, fd, rc });
    return rc;
  }

  override raiseSignal(): void {
    super.raiseSignal();
    this.sink({ op: 'signal', p: this.p, rc: 0 });
  }
}
