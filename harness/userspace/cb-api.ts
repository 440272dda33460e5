import { E } from '../core/boundary/errno';
import { SCRATCH, type IoctlCaller } from './ioctl-caller';
import { rtFail, rtOk, type RtResult } from './result';

/** A command buffer the runtime created and mmapped: write packets at `address`. */
export interface CommandBufferRef {
  readonly handle: bigint;
  /** Size asked for, and the mapping's size (at least a page). */
  readonly size: number;
  readonly mappedSize: number;
  readonly address: number;
}

const PAGE = 4096;

/** DRM_IOCTL_HL_CB and the mmap that goes with it. */
export class CbApi {
  private readonly c: IoctlCaller;

  constructor(caller: IoctlCaller) {
    this.c = caller;
  }

  /** HL_CB_OP_CREATE: the new buffer's handle. `map` also maps it into the device MMU. */
  createHandle(size: number, options: { readonly map?: boolean } = {}): RtResult<bigint> {
    const r = this.op('HL_CB_OP_CREATE', 0n, size, options.map === true ? 'HL_CB_FLAGS_MAP' : undefined);
    if (!r.ok) return r;
    return rtOk(this.out().cb_handle);
  }

  /** Creates a buffer and mmaps it, as a userspace library does before writing packets. */
  create(size: number, options: { readonly map?: boolean } = {}): RtResult<CommandBufferRef> {
    const h = this.createHandle(size, options);
    if (!h.ok) return h;
    const mappedSize = Math.max(PAGE, Math.ceil(size / PAGE) * PAGE);
    const address = this.c.mmap(h.value, mappedSize);
    if (!address.ok) return rtFail(address.errno);
    return rtOk({ handle: h.value, size, mappedSize, address: address.value });
  }

  /** Copies a command stream into the buffer at `offset`; EFAULT if it does not fit the mapping. */
  write(cb: CommandBufferRef, bytes: Uint8Array, offset = 0): RtResult<number> {
    if (offset < 0 || offset + bytes.length > cb.mappedSize) return rtFail(E.EFAULT);
    const rc = this.c.process.write(cb.address + offset, bytes);
    return rc === 0 ? rtOk(bytes.length) : rtFail(rc);
  }

  destroy(handle: bigint): RtResult<void> {
    const r = this.op('HL_CB_OP_DESTROY', handle, 0, undefined);
    return r.ok ? rtOk(undefined) : r;
  }

  /** HL_CB_OP_INFO: how many submissions in flight use the buffer. */
  usage(handle: bigint): RtResult<number> {
    const r = this.op('HL_CB_OP_INFO', handle, 0, undefined);
    return r.ok ? rtOk(this.out().usage_cnt) : r;
  }

  /** HL_CB_OP_INFO with HL_CB_FLAGS_GET_DEVICE_VA: the device address of a mapped buffer. */
  deviceVa(handle: bigint): RtResult<bigint> {
    const r = this.op('HL_CB_OP_INFO', handle, 0, 'HL_CB_FLAGS_GET_DEVICE_VA');
    return r.ok ? rtOk(this.out().device_va) : r;
  }

  private op(op: string, handle: bigint, size: number, flag: string | undefined): RtResult<void> {
    const codec = this.c.codec('hl_cb_in');
    const opValue = this.c.constant(op);
    const flags = flag === undefined ? 0 : this.c.constant(flag);
    if (codec === undefined || opValue === undefined || flags === undefined) return rtFail(E.EOPNOTSUPP);
    const put = this.c.put(codec, SCRATCH.arg, { cb_handle: handle, op: opValue, cb_size: size, flags });
    if (!put.ok) return put;
    const rc = this.c.call('DRM_IOCTL_HL_CB');
    return rc === 0 ? rtOk(undefined) : rtFail(rc);
  }

  private out(): { cb_handle: bigint; usage_cnt: number; device_va: bigint } {
    const codec = this.c.codec<{ cb_handle: bigint; usage_cnt: number; device_va: bigint }>('hl_cb_out');
    return codec === undefined ? { cb_handle: 0n, usage_cnt: 0, device_va: 0n } : this.c.get(codec, SCRATCH.arg);
  }
}
