import type { Device } from '../../emulator/device/device';
import type { OpenMode } from '../../emulator/kernel/open-file';
import type { Process } from '../../emulator/process/process';
import type { Spec } from '../core/model/model';
import { CbApi } from './cb-api';
import { CsApi, type WaitResult } from './cs-api';
import { DebugApi } from './debug-api';
import { InfoApi } from './info-api';
import { IoctlCaller } from './ioctl-caller';
import { MemApi } from './mem-api';
import { rtFail, rtOk, type RtResult } from './result';

export interface RuntimeOptions {
  /** The uAPI the client was built against (its layouts and request numbers); may be older than the device's. */
  readonly spec: Spec;
  readonly mode?: OpenMode;
}

/**
 * A thin typed userspace library for the habanalabs accel uAPI, in the manner of the vendor's open
 * runtime: it opens the device in an emulated process, encodes each call's struct with the client's
 * spec for the process's ABI, makes the ioctl, and decodes the answer. Errnos come back as values.
 */
export class HlRuntime {
  readonly process: Process;
  readonly fd: number;
  readonly info: InfoApi;
  readonly cb: CbApi;
  readonly cs: CsApi;
  readonly mem: MemApi;
  readonly debug: DebugApi;
  private readonly caller: IoctlCaller;

  private constructor(caller: IoctlCaller) {
    this.caller = caller;
    this.process = caller.process;
    this.fd = caller.fd;
    this.info = new InfoApi(caller);
    this.cb = new CbApi(caller);
    this.cs = new CsApi(caller);
    this.mem = new MemApi(caller);
    this.debug = new DebugApi(caller);
  }

  /** Opens `device` from `process` (the compute device unless `mode` says control). */
  static open(process: Process, device: Device, options: RuntimeOptions): RtResult<HlRuntime> {
    const c = IoctlCaller.open(process, device, options.spec, options.mode ?? 'compute');
    return c.ok ? rtOk(new HlRuntime(c.value)) : rtFail(c.errno);
  }

  /** Shorthand for `cs.wait`. */
  waitCs(seq: bigint, timeoutUs: bigint | number): RtResult<WaitResult> {
    return this.cs.wait(seq, timeoutUs);
  }

  /** Anonymous host memory in the process, e.g. a DMA source or destination. */
  hostBuffer(size: number): RtResult<number> {
    const r = this.process.allocate(size);
    return r.ok ? rtOk(r.value) : rtFail(r.errno);
  }

  /** Reads `length` bytes of the process's memory (a copy); undefined when not mapped. */
  read(address: number, length: number): Uint8Array | undefined {
    return this.process.memory.slice(address, length)?.slice();
  }

  /** Writes into the process's memory; false when not mapped. */
  write(address: number, bytes: Uint8Array): boolean {
    return this.process.memory.copyOut(address, bytes, 0, bytes.length);
  }

  close(): number {
    return this.caller.close();
  }
}
