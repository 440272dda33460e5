import { E } from '../core/boundary/errno';
import { SCRATCH, type IoctlCaller } from './ioctl-caller';
import { rtFail, rtOk, type RtResult } from './result';

/** DRM_IOCTL_HL_DEBUG: debug mode and trace-component configuration. */
export class DebugApi {
  private readonly c: IoctlCaller;

  constructor(caller: IoctlCaller) {
    this.c = caller;
  }

  setMode(enable: boolean): RtResult<void> {
    const r = this.call('HL_DEBUG_OP_SET_MODE', 0, enable, undefined, undefined);
    return r.ok ? rtOk(undefined) : r;
  }

  /**
   * Configures component `op` (an HL_DEBUG_OP_* name) register `regIdx` with `params` encoded as the
   * op's hl_debug_params_* type; `outputBytes` reserves room for what the op returns (SPMU counters).
   */
  configure(op: string, regIdx: number, enable: boolean, params?: { readonly type: string; readonly value: unknown }, outputBytes = 0): RtResult<Uint8Array> {
    return this.call(op, regIdx, enable, params, outputBytes);
  }

  private call(op: string, regIdx: number, enable: boolean, params: { readonly type: string; readonly value: unknown } | undefined, outputBytes: number | undefined): RtResult<Uint8Array> {
    const codec = this.c.codec('hl_debug_args');
    const opValue = this.c.constant(op);
    if (codec === undefined || opValue === undefined) return rtFail(E.EOPNOTSUPP);
    let inputSize = 0;
    if (params !== undefined) {
      const p = this.c.codec(params.type);
      if (p === undefined) return rtFail(E.EOPNOTSUPP);
      const put = this.c.put(p, SCRATCH.array, params.value);
      if (!put.ok) return put;
      inputSize = p.size;
    }
    const out = outputBytes ?? 0;
    const put = this.c.put(codec, SCRATCH.arg, {
      input_ptr: params !== undefined ? BigInt(this.c.scratch + SCRATCH.array) : 0n, input_size: inputSize,
      output_ptr: out > 0 ? BigInt(this.c.scratch + SCRATCH.out) : 0n, output_size: out,
      op: opValue, reg_idx: regIdx, enable: enable ? 1 : 0,
    });
    if (!put.ok) return put;
    const rc = this.c.call('DRM_IOCTL_HL_DEBUG');
    return rc === 0 ? rtOk(this.c.bytes(SCRATCH.out, out)) : rtFail(rc);
  }
}
