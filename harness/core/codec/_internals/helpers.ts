import { rangeError, shapeError, type CodecError } from '../codec-error';

/**
 * Functions the generated readers and writers call. Everything on the fast path is inlined in the
 * generated code; these handle the slow cases (a bigint for a 32-bit field, a missing field, a bad
 * value) and bit-fields.
 */
export interface CodecHelpers {
  /** Returned by the normalizers for a value that does not fit. */
  readonly BAD: symbol;
  /** A number for a ≤32-bit integer field, from undefined (0), a number or a bigint. */
  int(v: unknown, min: number, max: number): number | symbol;
  /** A bigint for a 64-bit field, from undefined (0n), a safe-integer number or a bigint. */
  big(v: unknown, min: bigint, max: bigint): bigint | symbol;
  /** A float value; float32 values must be exactly representable so that they round-trip. */
  flt(v: unknown, single: boolean): number | symbol;
  range(path: string, value: unknown, typeName: string): CodecError;
  shape(path: string, value: unknown, expected: string): CodecError;
  zero(dv: DataView, offset: number, length: number): void;
  getBits(dv: DataView, base: number, bitOffset: number, bitSize: number, msbFirst: boolean, signed: boolean): bigint;
  setBits(dv: DataView, base: number, bitOffset: number, bitSize: number, msbFirst: boolean, value: bigint): void;
  isArrayLike(v: unknown): v is ArrayLike<unknown>;
  readonly EMPTY: Readonly<Record<string, never>>;
  readonly EMPTY_ARRAY: readonly never[];
}

const BAD = Symbol('codec: value does not fit');

function int(v: unknown, min: number, max: number): number | symbol {
  if (v === undefined) return 0;
  if (typeof v === 'number') return Number.isInteger(v) && v >= min && v <= max ? v : BAD;
  if (typeof v === 'bigint') return v >= BigInt(min) && v <= BigInt(max) ? Number(v) : BAD;
  return BAD;
}

function big(v: unknown, min: bigint, max: bigint): bigint | symbol {
  if (v === undefined) return 0n;
  let b: bigint;
  if (typeof v === 'bigint') b = v;
  else if (typeof v === 'number' && Number.isSafeInteger(v)) b = BigInt(v);
  else return BAD;
  return b >= min && b <= max ? b : BAD;
}

function flt(v: unknown, single: boolean): number | symbol {
  if (v === undefined) return 0;
  if (typeof v !== 'number') return BAD;
  if (single && !Number.isNaN(v) && Math.fround(v) !== v) return BAD;
  return v;
}

function zero(dv: DataView, offset: number, length: number): void {
  let i = 0;
  for (; i + 4 <= length; i += 4) dv.setUint32(offset + i, 0);
  for (; i < length; i++) dv.setUint8(offset + i, 0);
}

/** The bytes holding bits [bitOffset, bitOffset+bitSize) as one integer, and the field's shift in it. */
function window(dv: DataView, base: number, bitOffset: number, bitSize: number, msbFirst: boolean): { first: number; n: number; word: bigint; shift: bigint } {
  const first = Math.floor(bitOffset / 8);
  const last = Math.floor((bitOffset + bitSize - 1) / 8);
  const n = last - first + 1;
  let word = 0n;
  for (let k = 0; k < n; k++) {
    const byte = BigInt(dv.getUint8(base + first + k));
    word |= msbFirst ? byte << BigInt(8 * (n - 1 - k)) : byte << BigInt(8 * k);
  }
  const p = bitOffset - 8 * first;
  const shift = BigInt(msbFirst ? 8 * n - p - bitSize : p);
  return { first, n, word, shift };
}

function getBits(dv: DataView, base: number, bitOffset: number, bitSize: number, msbFirst: boolean, signed: boolean): bigint {
  const w = window(dv, base, bitOffset, bitSize, msbFirst);
  const size = BigInt(bitSize);
  const raw = (w.word >> w.shift) & ((1n << size) - 1n);
  return signed && raw >= 1n << (size - 1n) ? raw - (1n << size) : raw;
}

function setBits(dv: DataView, base: number, bitOffset: number, bitSize: number, msbFirst: boolean, value: bigint): void {
  const w = window(dv, base, bitOffset, bitSize, msbFirst);
  const mask = ((1n << BigInt(bitSize)) - 1n) << w.shift;
  const word = (w.word & ~mask) | ((BigInt.asUintN(bitSize, value) << w.shift) & mask);
  for (let k = 0; k < w.n; k++) {
    const shift = BigInt(msbFirst ? 8 * (w.n - 1 - k) : 8 * k);
    dv.setUint8(base + w.first + k, Number((word >> shift) & 0xffn));
  }
}

function isArrayLike(v: unknown): v is ArrayLike<unknown> {
  return typeof v === 'object' && v !== null && typeof (v as { length?: unknown }).length === 'number';
}

export const HELPERS: CodecHelpers = {
  BAD, int, big, flt, range: rangeError, shape: shapeError, zero, getBits, setBits, isArrayLike,
  EMPTY: Object.freeze({}),
  EMPTY_ARRAY: Object.freeze([]),
};
