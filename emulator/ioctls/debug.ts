import type { Errno } from '../errno';
import type { IoctlCall } from '../kernel/ioctl-call';
import type { IoctlHandler } from '../kernel/ioctl-handler';
import type { DebugArgs } from '../kernel/kernel-codecs';
import type { ConstantName } from '../kernel/spec-constants';

/** Register blocks per trace component on the emulated device (reg_idx must be below). */
const REGISTERS: { readonly [N in ConstantName]?: number } = {
  HL_DEBUG_OP_ETR: 1, HL_DEBUG_OP_ETF: 4, HL_DEBUG_OP_STM: 2, HL_DEBUG_OP_FUNNEL: 8, HL_DEBUG_OP_BMON: 16, HL_DEBUG_OP_SPMU: 16,
};

function setMode(call: IoctlCall, args: DebugArgs): Errno {
  const device = call.device;
  if (args.enable !== 0) {
    // Debug mode is exclusive: only a sole user may take it, and only once.
    if (device.debugOwner !== undefined || device.openFiles().length > 1) return call.errno('busy');
    device.debugOwner = call.file;
    return 0;
  }
  if (device.debugOwner !== call.file) return call.errno('busy');
  device.debugOwner = undefined;
  return 0;
}

/** SPMU counters read back when the unit is disabled: packets run, bytes moved, then zeros. */
function spmuCounters(call: IoctlCall, args: DebugArgs, events: number): Errno {
  if (args.output_ptr === 0n || args.output_size === 0) return 0;
  const stats = call.device.stats;
  const out = new Uint8Array(events * 8);
  const view = new DataView(out.buffer);
  const little = call.codecs.abi.endian === 'little';
  for (let i = 0; i < events; i++) view.setBigUint64(i * 8, BigInt(i === 0 ? stats.packets : i === 1 ? stats.dmaBytes : 0), little);
  return call.copyOut(args.output_ptr, out, 0, Math.min(out.length, args.output_size)) ? 0 : call.errno('badPointer');
}

function configure(call: IoctlCall, args: DebugArgs, component: ConstantName): Errno {
  if (call.device.debugOwner !== call.file) return call.errno('busy');
  if (args.reg_idx >= (REGISTERS[component] ?? 0)) return call.errno('badValue');
  const codec = call.codecs.debugPayload[args.op];
  if (codec === undefined) return 0; // FUNNEL takes no parameters
  if (args.input_ptr === 0n || args.input_size === 0) return call.errno('badValue');
  // Read at most the struct the driver knows; a shorter caller struct is zero-extended.
  const buf = new Uint8Array(codec.size);
  if (!call.copyIn(args.input_ptr, buf, 0, Math.min(args.input_size, codec.size))) return call.errno('badPointer');
  const view = new DataView(buf.buffer);
  const failed = call.file.kernel.checksOf(codec.name).run(view, 0);
  if (failed !== undefined) return call.errno(failed.failure);
  if (component !== 'HL_DEBUG_OP_SPMU') return 0;
  const events = (codec.read(view, 0) as { event_types_num: number }).event_types_num;
  if (events > call.k.HL_DEBUG_MAX_AUX_VALUES) return call.errno('outOfRange');
  return args.enable === 0 ? spmuCounters(call, args, events) : 0;
}

/**
 * DRM_IOCTL_HL_DEBUG: the trace and profiling components. SET_MODE takes (enable=1) or leaves the
 * exclusive debug mode; every component op needs it (EBUSY otherwise), a register index the
 * component has, and parameters read from input_ptr (at most the driver's struct, zero-extended).
 */
export const debugIoctl: IoctlHandler = {
  ioctl: 'DRM_IOCTL_HL_DEBUG',
  onControl: false,
  handle(call: IoctlCall): Errno {
    if (!call.device.operational) return call.errno('busy');
    const args = call.codecs.debugArgs.read(call.view, 0);
    const k = call.k;
    if (args.op === k.HL_DEBUG_OP_SET_MODE) return setMode(call, args);
    if (args.op === k.HL_DEBUG_OP_TIMESTAMP) return call.device.debugOwner === call.file ? 0 : call.errno('busy');
    for (const name of Object.keys(REGISTERS) as ConstantName[]) if (args.op === k[name]) return configure(call, args, name);
    return call.errno('badValue');
  },
};
