import * as fc from 'fast-check';
import type { PlanNode, RecordPlan } from './plan';
import type { ScalarAccess } from './scalar-access';

function scalarArbitrary(s: ScalarAccess): fc.Arbitrary<number | bigint> {
  if (s.float) return s.bytes === 4 ? fc.float() : fc.double();
  if (s.bigint) return fc.bigInt({ min: BigInt(s.min), max: BigInt(s.max) });
  return fc.integer({ min: Number(s.min), max: Number(s.max) });
}

/** The fields a record contributes to its parent object: all of a struct's, one member of a union's. */
function entriesArbitrary(r: RecordPlan): fc.Arbitrary<Record<string, unknown>> {
  const parts = r.members.map((m): fc.Arbitrary<Record<string, unknown>> => {
    if (m.key !== undefined) {
      const key = m.key;
      return valueArbitrary(m.node).map((v) => ({ [key]: v }));
    }
    const n = m.node;
    return n.kind === 'struct' || n.kind === 'union' ? entriesArbitrary(n) : fc.constant({});
  });
  if (r.kind === 'union') return parts.length === 0 ? fc.constant({}) : fc.oneof(...parts);
  return fc.tuple(...parts).map((objects) => Object.assign({}, ...objects) as Record<string, unknown>);
}

/**
 * Values of a planned type, as the codec reads them: numbers for ≤32-bit integers, bigints for
 * 64-bit ones, arrays of the full length, and for each union exactly one member set (its other
 * members would alias the same bytes).
 */
export function valueArbitrary(node: PlanNode): fc.Arbitrary<unknown> {
  switch (node.kind) {
    case 'scalar': return scalarArbitrary(node.access);
    case 'bits': {
      const size = BigInt(node.bitSize);
      const min = node.access.signed ? -(1n << (size - 1n)) : 0n;
      const max = node.access.signed ? (1n << (size - 1n)) - 1n : (1n << size) - 1n;
      const big = fc.bigInt({ min, max });
      return node.access.bigint ? big : big.map((b) => Number(b));
    }
    case 'array': return fc.array(valueArbitrary(node.element), { minLength: node.length, maxLength: node.length });
    case 'struct':
    case 'union': return entriesArbitrary(node);
  }
}
