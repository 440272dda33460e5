import type { WriteInput } from '../../harness/core/codec';
import { DramAllocation } from '../device/dram-allocation';
import type { MappedBlock, TimestampBuffer } from '../device/device';
import { PAGE_SIZE, userAddress } from '../process/address-space';
import { E, type Errno } from '../errno';
import type { IoctlCall } from '../kernel/ioctl-call';
import type { IoctlHandler } from '../kernel/ioctl-handler';
import type { MemIn, MemOut } from '../kernel/kernel-codecs';
import type { Context } from '../device/context';

function reply(call: IoctlCall, value: WriteInput<MemOut>): Errno {
  call.clearArg();
  call.codecs.memOut.write(call.view, 0, value);
  return 0;
}

function alloc(call: IoctlCall, ctx: Context, input: MemIn): Errno {
  const { device, k } = call;
  const cfg = device.config;
  const size = input.alloc.mem_size;
  const pageSize = input.alloc.page_size === 0n ? BigInt(cfg.dramPageSize) : input.alloc.page_size;
  if (size === 0n) return call.errno('badValue');
  const pow2 = (pageSize & (pageSize - 1n)) === 0n;
  if (!pow2 || pageSize < BigInt(cfg.dramPageSize) || pageSize > BigInt(cfg.maxDramPageSize)) return call.errno('badValue');
  // Round up to the page size; the alloc-size-wraps mutation does it in 64-bit arithmetic, as C would.
  const sum = size + pageSize - 1n;
  const rounded = ((device.mutations['alloc-size-wraps'] ? BigInt.asUintN(64, sum) : sum) / pageSize) * pageSize;
  if (rounded > BigInt(device.dram.freeBytes)) return call.errno('exhausted');
  const groupPages = Number(pageSize) / cfg.dramPageSize;
  const pages = device.dram.allocate(Number(rounded / pageSize), groupPages, (input.flags & k.HL_MEM_CONTIGUOUS) !== 0);
  if (pages === undefined) return call.errno('exhausted');
  const a = ctx.handles.add('mem', (h) => new DramAllocation(h, Number(size), Number(rounded), Number(pageSize), pages, device.dram));
  ctx.dramBytes += a.allocSize;
  return reply(call, { handle: a.handle });
}

function free(call: IoctlCall, ctx: Context, input: MemIn): Errno {
  const a = ctx.handles.get<DramAllocation>('mem', input.free.handle);
  if (a === undefined) return call.badHandle(input.free.handle);
  if (a.mapped > 0 && !call.device.mutations['free-while-mapped']) return call.errno('badValue');
  call.device.freeAllocation(a);
  ctx.handles.remove(a.handle);
  ctx.dramBytes -= a.allocSize;
  return reply(call, {});
}

function mapHost(call: IoctlCall, ctx: Context, input: MemIn): Errno {
  const { host_virt_addr: pointer, hint_addr: hint, mem_size: size } = input.map_host;
  if (size === 0n) return call.errno('badValue');
  const memory = call.file.process.memory;
  const addr = userAddress(pointer);
  const region = memory.region(addr);
  // Pinning needs the whole range in one mapping of the process.
  if (region === undefined || size > BigInt(region.end - addr)) return call.errno('badPointer');
  const m = ctx.mmu.map({
    range: 'host', size: Number(size), align: PAGE_SIZE, offsetInPage: addr % PAGE_SIZE, hint: Number(hint),
    target: { kind: 'host', region, offset: addr - region.start },
  }, (input.flags & call.k.HL_MEM_FORCE_HINT) !== 0);
  if (m === undefined) return hint !== 0n ? call.errno('badValue') : call.errno('exhausted');
  return reply(call, { device_virt_addr: BigInt(m.va) });
}

function mapDevice(call: IoctlCall, ctx: Context, input: MemIn): Errno {
  const a = ctx.handles.get<DramAllocation>('mem', input.map_device.handle);
  if (a === undefined) return call.badHandle(input.map_device.handle);
  if (a.allocSize === 0) return call.errno('badValue');
  const hint = input.map_device.hint_addr;
  const m = ctx.mmu.map({ range: 'dram', size: a.allocSize, align: a.pageSize, hint: Number(hint), target: { kind: 'dram', allocation: a } },
    (input.flags & call.k.HL_MEM_FORCE_HINT) !== 0);
  if (m === undefined) return hint !== 0n ? call.errno('badValue') : call.errno('exhausted');
  a.mapped += 1;
  return reply(call, { device_virt_addr: BigInt(m.va) });
}

function unmap(call: IoctlCall, ctx: Context, input: MemIn): Errno {
  const va = input.unmap.device_virt_addr;
  const n = va <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(va) : -1;
  const existing = ctx.mmu.mappings().find((m) => m.va === n && m.target.kind !== 'cb');
  if (existing === undefined) return call.errno('badValue');
  if (!call.device.mutations['unmap-keeps-mmu-entry']) {
    ctx.mmu.unmap(n);
    if (existing.target.kind === 'dram') existing.target.allocation.mapped -= 1;
  }
  return reply(call, {});
}

function mapBlock(call: IoctlCall, ctx: Context, input: MemIn): Errno {
  const address = input.map_block.block_addr;
  const block = address <= 0xffffffffn ? call.device.blockAt(Number(address)) : undefined;
  if (block === undefined) return call.errno('badValue');
  const b = ctx.handles.add<MappedBlock>('block', (handle) => ({ handle, register: block.register, size: block.size }));
  return reply(call, { block_handle: b.handle, block_size: b.size });
}

function tsAlloc(call: IoctlCall, ctx: Context, input: MemIn): Errno {
  const n = input.num_of_elements;
  if (n === 0 || n > call.k.TS_MAX_ELEMENTS_NUM) return call.errno('outOfRange');
  const bytes = new Uint8Array(Math.ceil((n * 8) / PAGE_SIZE) * PAGE_SIZE);
  const ts = ctx.handles.add<TimestampBuffer>('ts', (handle) => ({ handle, bytes }));
  return reply(call, { handle: ts.handle });
}

/**
 * DRM_IOCTL_HL_MEMORY: device memory by handle (ALLOC rounds up to the page size and fails with
 * ENOMEM when DRAM is exhausted; FREE refuses a mapped allocation), the context's device MMU (MAP of
 * device memory or, with HL_MEM_USERPTR, of pinned host memory; UNMAP by exact address), hardware
 * blocks for mmap, and timestamp buffers. DMA-BUF export needs a DMA-BUF layer the emulator does not
 * have: EOPNOTSUPP.
 */
export const memoryIoctl: IoctlHandler = {
  ioctl: 'DRM_IOCTL_HL_MEMORY',
  onControl: false,
  handle(call: IoctlCall): Errno {
    const ctx = call.ctx;
    if (ctx === undefined) return call.errno('badValue');
    if (!call.device.operational) return call.errno('busy');
    const input = call.codecs.memIn.read(call.view, 0);
    const k = call.k;
    switch (input.op) {
      case k.HL_MEM_OP_ALLOC: return alloc(call, ctx, input);
      case k.HL_MEM_OP_FREE: return free(call, ctx, input);
      case k.HL_MEM_OP_MAP: return (input.flags & k.HL_MEM_USERPTR) !== 0 ? mapHost(call, ctx, input) : mapDevice(call, ctx, input);
      case k.HL_MEM_OP_UNMAP: return unmap(call, ctx, input);
      case k.HL_MEM_OP_MAP_BLOCK: return mapBlock(call, ctx, input);
      case k.HL_MEM_OP_EXPORT_DMABUF_FD: return E.EOPNOTSUPP;
      case k.HL_MEM_OP_TS_ALLOC: return tsAlloc(call, ctx, input);
      default: return call.errno('badValue');
    }
  },
};
