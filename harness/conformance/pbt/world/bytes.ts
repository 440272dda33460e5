import type { ScalarAccess } from '../../../core/codec';

/** Where a scalar lives: an offset and how it is stored. */
export interface ScalarAt {
  readonly offset: number;
  readonly access: ScalarAccess;
}

/** The unsigned value of a scalar field in `view` (offset relative to the view), as a bigint. */
export function readSite(view: DataView, s: ScalarAt, base = 0): bigint {
  const at = base + s.offset;
  const le = s.access.littleEndian;
  switch (s.access.bytes) {
    case 1: return BigInt(view.getUint8(at));
    case 2: return BigInt(view.getUint16(at, le));
    case 4: return BigInt(view.getUint32(at, le));
    case 8: return view.getBigUint64(at, le);
  }
}

/** Writes `value` (taken modulo the field's width, so signed values wrap as C stores them). */
export function writeSite(view: DataView, s: ScalarAt, value: bigint, base = 0): void {
  const at = base + s.offset;
  const le = s.access.littleEndian;
  const v = BigInt.asUintN(s.access.bytes * 8, value);
  switch (s.access.bytes) {
    case 1: view.setUint8(at, Number(v)); return;
    case 2: view.setUint16(at, Number(v), le); return;
    case 4: view.setUint32(at, Number(v), le); return;
    case 8: view.setBigUint64(at, v, le);
  }
}

/** Largest unsigned value of a field. */
export const fieldMax = (s: ScalarAt): bigint => (1n << BigInt(s.access.bytes * 8)) - 1n;

export const viewOf = (b: Uint8Array): DataView => new DataView(b.buffer, b.byteOffset, b.byteLength);
