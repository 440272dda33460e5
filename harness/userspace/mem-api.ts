import { E } from '../core/boundary/errno';
import { SCRATCH, type IoctlCaller } from './ioctl-caller';
import { rtFail, rtOk, type RtResult } from './result';

export interface AllocOptions {
  /** 0 (default) for the device's default page size. */
  readonly pageSize?: bigint | number;
  readonly contiguous?: boolean;
  readonly shared?: boolean;
}

export interface MapOptions {
  readonly hint?: bigint | number;
  /** Fail unless the mapping lands at the hint (HL_MEM_FORCE_HINT). */
  readonly forceHint?: boolean;
}

type MemOut = { device_virt_addr: bigint; handle: bigint; block_handle: bigint; block_size: number };

/** DRM_IOCTL_HL_MEMORY: device memory, the device MMU, blocks, timestamp buffers. */
export class MemApi {
  private readonly c: IoctlCaller;

  constructor(caller: IoctlCaller) {
    this.c = caller;
  }

  /** HL_MEM_OP_ALLOC: the allocation's handle. */
  alloc(size: bigint | number, options: AllocOptions = {}): RtResult<bigint> {
    const flags = [options.contiguous === true ? 'HL_MEM_CONTIGUOUS' : '', options.shared === true ? 'HL_MEM_SHARED' : ''];
    const r = this.op('HL_MEM_OP_ALLOC', flags, { alloc: { mem_size: BigInt(size), page_size: BigInt(options.pageSize ?? 0) } });
    return r.ok ? rtOk(r.value.handle) : r;
  }

  free(handle: bigint): RtResult<void> {
    const r = this.op('HL_MEM_OP_FREE', [], { free: { handle } });
    return r.ok ? rtOk(undefined) : r;
  }

  /** HL_MEM_OP_MAP of device memory: its device VA. */
  mapDevice(handle: bigint, options: MapOptions = {}): RtResult<bigint> {
    const r = this.op('HL_MEM_OP_MAP', [options.forceHint === true ? 'HL_MEM_FORCE_HINT' : ''], { map_device: { handle, hint_addr: BigInt(options.hint ?? 0) } });
    return r.ok ? rtOk(r.value.device_virt_addr) : r;
  }

  /** HL_MEM_OP_MAP with HL_MEM_USERPTR: pins `size` bytes of this process at `address`; their device VA. */
  mapHost(address: bigint | number, size: bigint | number, options: MapOptions = {}): RtResult<bigint> {
    const r = this.op('HL_MEM_OP_MAP', ['HL_MEM_USERPTR', options.forceHint === true ? 'HL_MEM_FORCE_HINT' : ''],
      { map_host: { host_virt_addr: BigInt(address), mem_size: BigInt(size), hint_addr: BigInt(options.hint ?? 0) } });
    return r.ok ? rtOk(r.value.device_virt_addr) : r;
  }

  unmap(deviceVa: bigint): RtResult<void> {
    const r = this.op('HL_MEM_OP_UNMAP', [], { unmap: { device_virt_addr: deviceVa } });
    return r.ok ? rtOk(undefined) : r;
  }

  /** HL_MEM_OP_MAP_BLOCK: a handle to mmap the block, and its size. */
  mapBlock(blockAddress: bigint | number): RtResult<{ handle: bigint; size: number }> {
    const r = this.op('HL_MEM_OP_MAP_BLOCK', [], { map_block: { block_addr: BigInt(blockAddress) } });
    return r.ok ? rtOk({ handle: r.value.block_handle, size: r.value.block_size }) : r;
  }

  /** HL_MEM_OP_TS_ALLOC: a timestamp buffer of `elements` entries. */
  tsAlloc(elements: number): RtResult<bigint> {
    const r = this.op('HL_MEM_OP_TS_ALLOC', [], { num_of_elements: elements });
    return r.ok ? rtOk(r.value.handle) : r;
  }

  private op(op: string, flagNames: readonly string[], input: Record<string, unknown>): RtResult<MemOut> {
    const codec = this.c.codec('hl_mem_in');
    const out = this.c.codec<MemOut>('hl_mem_out');
    const opValue = this.c.constant(op);
    if (codec === undefined || out === undefined || opValue === undefined) return rtFail(E.EOPNOTSUPP);
    let flags = 0;
    for (const f of flagNames) if (f !== '') flags |= this.c.constant(f) ?? 0;
    const put = this.c.put(codec, SCRATCH.arg, { ...input, op: opValue, flags: flags >>> 0 });
    if (!put.ok) return put;
    const rc = this.c.call('DRM_IOCTL_HL_MEMORY');
    return rc === 0 ? rtOk(this.c.get(out, SCRATCH.arg)) : rtFail(rc);
  }
}
