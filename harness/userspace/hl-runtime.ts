import type { Process } from '../core/boundary/process';
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
  /** The device node to open (default the compute node, {@link COMPUTE_NODE}; the control node for INFO only). */
  readonly path?: string;
}

/** The habanalabs compute node since the driver moved to the accel subsystem (Linux 6.3). */
export const COMPUTE_NODE = '/dev/accel/accel0';
/** Its control node (INFO only, no context; opened by monitoring tools). */
export const CONTROL_NODE = '/dev/accel/accel_controlD0';

/**
 * A thin typed userspace library for the habanalabs accel uAPI, in the manner of the vendor's open
 * runtime: it opens the device node in a process (any `Process`: the emulated core or a real one),
 * encodes each call's struct with the client's spec for the process's ABI, makes the ioctl through
 * the one {@link IoctlCaller}, and decodes the answer. Errnos come back as values.
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
    this.fd = caller.fd ?? -1;
    this.info = new InfoApi(caller);
    this.cb = new CbApi(caller);
    this.cs = new CsApi(caller);
    this.mem = new MemApi(caller);
    this.debug = new DebugApi(caller);
  }

  /** Opens the device node (the compute node unless `options.path` names another) from `process`. */
  static open(process: Process, options: RuntimeOptions): RtResult<HlRuntime> {
    const c = IoctlCaller.open(process, options.spec, options.path ?? COMPUTE_NODE);
    return c.ok ? rtOk(new HlRuntime(c.value)) : rtFail(c.errno);
  }

  /** Shorthand for `cs.wait`. */
  waitCs(seq: bigint, timeoutUs: bigint | number): RtResult<WaitResult> {
    return this.cs.wait(seq, timeoutUs);
  }

  /** Anonymous host memory in the process, e.g. a DMA source or destination. */
  hostBuffer(size: number): RtResult<number> {
    const r = this.process.map(size);
    return r.ok ? rtOk(r.value) : rtFail(r.errno);
  }

  /** Reads `length` bytes of the process's memory (a copy); undefined when not mapped. */
  read(address: number, length: number): Uint8Array | undefined {
    const r = this.process.read(address, length);
    return r.ok ? r.value : undefined;
  }

  /** Writes into the process's memory; false when not mapped. */
  write(address: number, bytes: Uint8Array): boolean {
    return this.process.write(address, bytes) === 0;
  }

  close(): number {
    return this.caller.close();
  }
}
