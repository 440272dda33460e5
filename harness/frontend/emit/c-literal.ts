/**
 * An integer as a C constant expression of the same value: plain decimal in `int` range, hex with
 * the suffix that gives it an unsigned type above it, and the usual `(-MAX - 1)` for the minimum.
 */
export function cInteger(v: bigint): string {
  if (v >= -(2n ** 31n) && v < 2n ** 31n) return v.toString();
  if (v > 0n) return `0x${v.toString(16)}${v < 2n ** 32n ? 'U' : 'ULL'}`;
  if (v === -(2n ** 63n)) return '(-0x7fffffffffffffffLL - 1)';
  return `(${v.toString()}LL)`;
}

/** The type byte of an ioctl as the header would write it: `'d'`, or a number. */
export function cTypeByte(t: number): string {
  return t >= 0x20 && t < 0x7f && t !== 0x27 && t !== 0x5c ? `'${String.fromCharCode(t)}'` : `0x${t.toString(16)}`;
}
