import * as fc from 'fast-check';
import type { ScalarAccess } from '../../../core/codec';

/**
 * Integers for a plain field, biased to where bugs are: 0 and small counts, powers of two and their
 * neighbours, the spec's published limits ±1, the field's extremes, then anything. Values are the
 * field's unsigned bit pattern as a bigint (a signed field's negative values wrap, as C stores them).
 */
export function plainScalar(access: ScalarAccess, boundaries: readonly bigint[]): fc.Arbitrary<bigint> {
  // Arbitraries are immutable: one per field width and limits, not one per generated argument.
  const key = `${access.bytes}:${boundaries.join(',')}`;
  let a = plainScalars.get(key);
  if (a === undefined) plainScalars.set(key, (a = plainScalarUncached(access, boundaries)));
  return a;
}

const plainScalars = new Map<string, fc.Arbitrary<bigint>>();

function plainScalarUncached(access: ScalarAccess, boundaries: readonly bigint[]): fc.Arbitrary<bigint> {
  const bits = access.bytes * 8;
  const max = (1n << BigInt(bits)) - 1n;
  const inRange = boundaries.filter((b) => b >= 0n && b <= max);
  const powers = Array.from({ length: bits }, (_, i) => 1n << BigInt(i)).flatMap((p) => [p - 1n, p, p + 1n]).filter((v) => v >= 0n && v <= max);
  const parts: fc.WeightedArbitrary<bigint>[] = [
    { weight: 4, arbitrary: fc.constant(0n) },
    { weight: 3, arbitrary: fc.bigInt({ min: 1n, max: 64n < max ? 64n : max }) },
    { weight: 2, arbitrary: fc.constantFrom(...powers) },
    { weight: 1, arbitrary: fc.constantFrom(max, max - 1n) },
    { weight: 2, arbitrary: fc.bigInt({ min: 0n, max }) },
  ];
  if (inRange.length > 0) parts.push({ weight: 2, arbitrary: fc.constantFrom(...inRange) });
  return fc.oneof(...parts);
}

/** A flag word made of a group's member masks: none, one, or several or-ed together. */
export function flagWord(masks: readonly bigint[]): fc.Arbitrary<bigint> {
  if (masks.length === 0) return fc.constant(0n);
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(0n) },
    { weight: 3, arbitrary: fc.constantFrom(...masks) },
    { weight: 2, arbitrary: fc.subarray([...masks]).map((ms) => ms.reduce((a, m) => a | m, 0n)) },
  );
}

/** Bits of a field of `bytes` bytes that no member of a flag group uses: each makes an unknown-flag fault. */
export function undefinedBits(bytes: number, mask: bigint): number[] {
  const out: number[] = [];
  for (let b = 0; b < bytes * 8; b++) if ((mask & (1n << BigInt(b))) === 0n) out.push(b);
  return out;
}
