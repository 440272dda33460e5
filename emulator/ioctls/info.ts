import { E, type Errno } from '../errno';
import type { IoctlCall } from '../kernel/ioctl-call';
import type { IoctlHandler } from '../kernel/ioctl-handler';
import type { SpecConstants } from '../kernel/spec-constants';
import { DEVICE_OPS } from './info/device-ops';
import { EVENT_OPS } from './info/event-ops';
import type { InfoOp } from './info/info-op';

const OPS = { ...DEVICE_OPS, ...EVENT_OPS };

// Per spec constants, the op table indexed by op value (built once per device).
const tables = new WeakMap<SpecConstants, readonly (InfoOp | undefined)[]>();
function opTable(k: SpecConstants): readonly (InfoOp | undefined)[] {
  let t = tables.get(k);
  if (t === undefined) {
    const table: (InfoOp | undefined)[] = [];
    for (const [name, op] of Object.entries(OPS)) table[k[name as keyof SpecConstants]] = op;
    tables.set(k, table);
    t = table;
  }
  return t;
}

/**
 * DRM_IOCTL_HL_INFO: one query per call, chosen by `op`. Device status and reset count are answered
 * in any device state; everything else needs an operational device (EBUSY). The control device
 * answers every query but the eventfd ones (EOPNOTSUPP), as the driver's control node does.
 */
export const infoIoctl: IoctlHandler = {
  ioctl: 'DRM_IOCTL_HL_INFO',
  onControl: true,
  handle(call: IoctlCall): Errno {
    const args = call.codecs.infoArgs.read(call.view, 0);
    const k = call.k;
    const op = args.op;
    if (call.file.mode === 'control' && (op === k.HL_INFO_GET_EVENTS || op === k.HL_INFO_REGISTER_EVENTFD || op === k.HL_INFO_UNREGISTER_EVENTFD)) {
      return E.EOPNOTSUPP;
    }
    if (!call.device.operational && op !== k.HL_INFO_DEVICE_STATUS && op !== k.HL_INFO_RESET_COUNT) return call.errno('busy');
    const f = opTable(k)[op];
    return f === undefined ? call.errno('badValue') : f(call, args);
  },
};
