import { REQUEST_FIELDS } from '../../harness/core/layout/ioctl-encoding';
import { E, type Errno } from '../errno';
import { userAddress } from '../process/address-space';
import type { IoctlCall } from './ioctl-call';
import type { OpenFile } from './open-file';

/** The DRM driver type byte, 'd'. */
const DRM_TYPE = 0x64;

/**
 * The kernel side of `ioctl(fd, request, arg)`, modelled on the DRM core's drm_ioctl():
 * the request is decoded with the caller's ABI encoding; the type must be 'd' and the nr must be in
 * the dispatch table (ENOTTY otherwise); the caller's `_IOC_SIZE` bytes are copied in (only if both
 * the caller and the driver say the argument is read) into a buffer zeroed up to the driver's size;
 * the handler runs; the caller's size is copied back (only if both say it is written), even when the
 * handler failed, as DRM does. Never throws: a handler bug becomes EIO and is recorded on the device.
 */
export function ioctlEntry(call: IoctlCall, file: OpenFile, request: number, arg: bigint | number): Errno {
  try {
    return dispatch(call, file, request >>> 0, arg);
  } catch (e) {
    // Not reached by design: handlers return errnos. Kept so that no input can crash the caller.
    file.device.recordInternalError(e);
    return E.EIO;
  }
}

function dispatch(call: IoctlCall, file: OpenFile, request: number, arg: bigint | number): Errno {
  const device = file.device;
  if (file.closed) return E.EBADF;
  if (device.unplugged) return E.ENODEV;
  const m = device.mutations;
  // The request's fields, read with the caller's family's shifts and masks (the same table that
  // encodeRequest and decodeRequest use), inline rather than through decodeRequest: this is the hot path.
  const f = REQUEST_FIELDS[file.process.abi.ioctl];
  const nr = request & f.nrMask;
  const binding = file.kernel.bindings[nr];
  if (((request >>> f.typeShift) & f.typeMask) !== DRM_TYPE || binding === undefined) return m['unknown-ioctl-einval'] ? E.EINVAL : E.ENOTTY;
  if (file.mode === 'control' && !binding.handler.onControl) return E.ENOTTY;
  const usize = (request >>> f.sizeShift) & f.sizeMask;
  if (binding.exactSize && usize !== binding.size) return E.ENOTTY;
  const dir = (request >>> f.dirShift) & f.dirMask;
  const inSize = (dir & f.encoding.write) !== 0 && binding.reads ? usize : 0;
  const outSize = (dir & f.encoding.read) !== 0 && binding.writes ? usize : 0;
  const ksize = Math.max(inSize, outSize, binding.size);
  const buf = call.arg;
  const address = userAddress(arg);
  if (inSize > 0 && !file.process.memory.copyIn(address, buf, 0, inSize)) {
    if (!m['ignore-copy-fault']) return binding.errno.badPointer;
    buf.fill(0, 0, inSize);
  }
  if (!m['no-zero-extend'] && ksize > inSize) buf.fill(0, inSize, ksize);
  call.file = file;
  call.binding = binding;
  let rc = 0;
  if (inSize > binding.size && (binding.rejectTail || m['reject-longer-tail'])) {
    for (let i = binding.size; i < inSize; i++) {
      if (buf[i] !== 0) {
        rc = binding.errno.longerTail;
        break;
      }
    }
  }
  // The spec's annotations (pad/reserved zero, known flags, listed values) are checked for every
  // ioctl before its handler runs, so that the emulator and the contract cannot disagree.
  if (rc === 0 && binding.input !== undefined) {
    const failed = binding.input.run(call.view, 0);
    if (failed !== undefined) rc = binding.errno[failed.failure];
  }
  if (rc === 0) rc = binding.handler.handle(call);
  const back = m['copy-back-driver-size'] && outSize > 0 ? Math.max(outSize, binding.size) : outSize;
  if (back > 0 && !file.process.memory.copyOut(address, buf, 0, back)) rc = binding.errno.badPointer;
  return rc;
}
