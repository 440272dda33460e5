import type { PlanNode, TypeCodec } from '../../../harness/core/codec';
import type { Errno } from '../../errno';
import { E } from '../../errno';
import type { IoctlCall } from '../../kernel/ioctl-call';
import type { InfoArgs } from '../../kernel/kernel-codecs';

/** Where INFO answers are built before the copy to the caller (largest answer: a few KiB). */
export class InfoStaging {
  readonly bytes = new Uint8Array(16 * 1024);
  readonly view = new DataView(this.bytes.buffer);
}

const stagings = new WeakMap<object, InfoStaging>();

/** The staging buffer of a device (one per device: calls do not overlap). */
export function stagingOf(device: object): InfoStaging {
  let s = stagings.get(device);
  if (s === undefined) {
    s = new InfoStaging();
    stagings.set(device, s);
  }
  return s;
}

/** The byte ranges of pad and reserved fields of a planned type (only for the skip-output-zeroing mutation). */
const reservedRanges = new WeakMap<TypeCodec, { offset: number; size: number }[]>();
function padRanges(codec: TypeCodec): { offset: number; size: number }[] {
  let r = reservedRanges.get(codec);
  if (r !== undefined) return r;
  const out: { offset: number; size: number }[] = [];
  const walk = (n: PlanNode, base: number): void => {
    if (n.kind !== 'struct' && n.kind !== 'union') return;
    for (const m of n.members) {
      if (m.annotations?.role !== undefined) out.push({ offset: base + n.offset + m.node.offset, size: m.node.size });
      else walk(m.node, base + n.offset);
    }
  };
  walk(codec.plan, 0);
  reservedRanges.set(codec, out);
  r = out;
  return r;
}

/** Slab poison: what uninitialised kernel memory looks like after a free. */
const STALE_BYTE = 0x6b;

/**
 * Answers an INFO query: checks the caller's buffer, encodes `value` (zero-filled: every pad and
 * reserved byte is 0) and copies at most `return_size` bytes of it to `return_pointer`.
 */
export function answer(call: IoctlCall, args: InfoArgs, codec: TypeCodec | undefined, value: unknown): Errno {
  if (codec === undefined) return E.EOPNOTSUPP;
  if (args.return_pointer === 0n || args.return_size === 0) return call.errno('badValue');
  const s = stagingOf(call.device);
  const error = codec.write(s.view, 0, value);
  if (error !== undefined) {
    call.device.recordInternalError(new Error(`INFO answer does not encode: ${error.path}: ${error.message}`));
    return E.EIO;
  }
  if (call.device.mutations['skip-output-zeroing']) for (const r of padRanges(codec)) s.bytes.fill(STALE_BYTE, r.offset, r.offset + r.size);
  return copyAnswer(call, args, s.bytes, codec.size);
}

/** Copies `size` bytes of an answer (clamped to return_size) to the caller. */
export function copyAnswer(call: IoctlCall, args: InfoArgs, bytes: Uint8Array, size: number): Errno {
  if (args.return_pointer === 0n || args.return_size === 0) return call.errno('badValue');
  const n = call.device.mutations['ignore-return-size'] ? size : Math.min(args.return_size, size);
  return call.copyOut(args.return_pointer, bytes, 0, n) ? 0 : call.errno('badPointer');
}

/** An array of __u32 counters as an answer (HW_EVENTS). */
export function answerU32Array(call: IoctlCall, args: InfoArgs, values: Uint32Array): Errno {
  const s = stagingOf(call.device);
  const size = Math.min(values.length * 4, s.bytes.length);
  for (let i = 0; i * 4 < size; i++) s.view.setUint32(i * 4, values[i] as number, call.codecs.abi.endian === 'little');
  return copyAnswer(call, args, s.bytes, size);
}

/** UTF-8 bytes of `text`, at most `length` of them, for fixed-size char arrays (NUL-padded by the codec). */
export function cString(text: string, length: number): number[] {
  return [...Buffer.from(text, 'utf8').subarray(0, length - 1)];
}
