import { cbAllocSize, CommandBuffer } from '../device/command-buffer';
import { destroyCb } from '../device/release-context';
import type { Errno } from '../errno';
import type { IoctlCall } from '../kernel/ioctl-call';
import type { IoctlHandler } from '../kernel/ioctl-handler';
import type { CbIn } from '../kernel/kernel-codecs';

function create(call: IoctlCall, input: CbIn): Errno {
  const { device, k } = call;
  const ctx = call.ctx;
  if (ctx === undefined) return call.errno('badValue');
  if (input.cb_size > k.HL_MAX_CB_SIZE && !device.mutations['cb-size-unchecked']) return call.errno('outOfRange');
  if (device.cbPoolUsed + cbAllocSize(input.cb_size) > device.config.cbPoolBytes) return call.errno('exhausted');
  const cb = ctx.handles.add('cb', (handle) => new CommandBuffer(handle, input.cb_size));
  device.cbPoolUsed += cb.allocSize;
  if ((input.flags & k.HL_CB_FLAGS_MAP) !== 0) {
    const m = ctx.mmu.map({ range: 'cb', size: cb.allocSize, align: 4096, target: { kind: 'cb', cb } }, false);
    if (m === undefined) {
      ctx.handles.remove(cb.handle);
      destroyCb(device, cb);
      return call.errno('exhausted');
    }
    cb.deviceVa = m.va;
  }
  call.clearArg();
  call.codecs.cbOut.write(call.view, 0, { cb_handle: cb.handle });
  return 0;
}

function destroy(call: IoctlCall, input: CbIn): Errno {
  const ctx = call.ctx;
  const cb = ctx?.handles.get<CommandBuffer>('cb', input.cb_handle);
  if (ctx === undefined || cb === undefined) return call.badHandle(input.cb_handle);
  if (cb.deviceVa !== undefined) ctx.mmu.unmap(cb.deviceVa);
  ctx.handles.remove(cb.handle);
  destroyCb(call.device, cb);
  call.clearArg();
  return 0;
}

function info(call: IoctlCall, input: CbIn): Errno {
  const cb = call.ctx?.handles.get<CommandBuffer>('cb', input.cb_handle);
  if (cb === undefined) return call.badHandle(input.cb_handle);
  const wantVa = (input.flags & call.k.HL_CB_FLAGS_GET_DEVICE_VA) !== 0;
  if (wantVa && cb.deviceVa === undefined) return call.errno('badValue');
  call.clearArg();
  call.codecs.cbOut.write(call.view, 0, wantVa ? { device_va: BigInt(cb.deviceVa ?? 0) } : { usage_cnt: cb.csRefs });
  return 0;
}

/**
 * DRM_IOCTL_HL_CB: command buffers. CREATE allocates at least a page (sizes need not be aligned) up
 * to HL_MAX_CB_SIZE, optionally mapped into the device MMU; the handle is the mmap offset. DESTROY
 * frees it once no submission uses it. INFO gives the usage count or the device address.
 */
export const cbIoctl: IoctlHandler = {
  ioctl: 'DRM_IOCTL_HL_CB',
  onControl: false,
  handle(call: IoctlCall): Errno {
    const input = call.codecs.cbIn.read(call.view, 0);
    if (!call.device.operational) return call.errno('busy');
    const k = call.k;
    switch (input.op) {
      case k.HL_CB_OP_CREATE: return create(call, input);
      case k.HL_CB_OP_DESTROY: return destroy(call, input);
      case k.HL_CB_OP_INFO: return info(call, input);
      default: return call.errno('badValue');
    }
  },
};
