import type { CommandBuffer } from './command-buffer';
import type { Context } from './context';
import type { Device } from './device';

/**
 * What closing a compute file frees: its mappings, device memory, command buffers and handles.
 * (Command buffers the process still has mmapped stay readable by it: the mapping shares their bytes.)
 */
export function releaseContext(device: Device, ctx: Context): void {
  for (const m of [...ctx.mmu.mappings()]) {
    ctx.mmu.unmap(m.va);
    if (m.target.kind === 'dram') m.target.allocation.mapped -= 1;
  }
  for (const cb of ctx.cbs()) destroyCb(device, cb);
  if (!device.mutations['no-free-on-close']) {
    for (const a of ctx.allocations()) device.freeAllocation(a);
    ctx.dramBytes = 0;
  }
  ctx.handles.clear();
}

/** Destroys a command buffer: its kernel memory returns once no submission uses it. */
export function destroyCb(device: Device, cb: CommandBuffer): void {
  if (cb.destroyed) return;
  cb.destroyed = true;
  if (cb.csRefs === 0) device.cbPoolUsed -= cb.allocSize;
}
