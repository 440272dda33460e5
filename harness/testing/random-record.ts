import * as fc from 'fast-check';
import type { KernelScalarName, Member, RecordDecl, Spec, TypeNode } from '../core/model/model';
import type { PlanNode } from '../core/codec/plan';

// Random uAPI-like types for property tests: kernel scalars (both byte orders), arrays, nested and
// anonymous structs and unions, bit-fields. Member names are assigned afterwards (f1, f2, ...) so that
// they are unique even where anonymous members flatten into their parent.

const SCALARS: readonly KernelScalarName[] = [
  '__u8', '__s8', '__u16', '__s16', '__u32', '__s32', '__u64', '__s64',
  '__le16', '__le32', '__le64', '__be16', '__be32', '__be64', '__aligned_u64', '__aligned_s64',
];
const BIT_SCALARS: readonly { name: KernelScalarName; width: number }[] = [
  { name: '__u8', width: 8 }, { name: '__u16', width: 16 }, { name: '__u32', width: 32 }, { name: '__s32', width: 32 }, { name: '__u64', width: 64 },
];

const scalarType: fc.Arbitrary<TypeNode> = fc.constantFrom(...SCALARS).map((name) => ({ kind: 'scalar', name }));

function typeArbitrary(depth: number): fc.Arbitrary<TypeNode> {
  const leafArray = fc.tuple(scalarType, fc.integer({ min: 1, max: 5 })).map(([element, length]): TypeNode => ({ kind: 'array', element, length }));
  if (depth <= 0) return fc.oneof({ weight: 5, arbitrary: scalarType }, { weight: 2, arbitrary: leafArray });
  const nested = recordArbitrary(depth - 1).map((record): TypeNode => ({ kind: 'record', record }));
  const nestedArray = fc.tuple(recordArbitrary(depth - 1), fc.integer({ min: 1, max: 3 }))
    .map(([record, length]): TypeNode => ({ kind: 'array', element: { kind: 'record', record }, length }));
  return fc.oneof(
    { weight: 5, arbitrary: scalarType },
    { weight: 2, arbitrary: leafArray },
    { weight: 1, arbitrary: nested },
    { weight: 1, arbitrary: nestedArray },
  );
}

function memberArbitrary(depth: number, withBits: boolean): fc.Arbitrary<Member> {
  const named = typeArbitrary(depth).map((type): Member => ({ name: '?', type }));
  const options: fc.WeightedArbitrary<Member>[] = [{ weight: 6, arbitrary: named }];
  if (depth > 0) {
    options.push({ weight: 2, arbitrary: recordArbitrary(depth - 1).map((record): Member => ({ type: { kind: 'record', record } })) });
  }
  if (withBits) {
    const bits = fc.constantFrom(...BIT_SCALARS).chain((s) =>
      fc.integer({ min: 1, max: s.width }).map((n): Member => ({ name: '?', type: { kind: 'scalar', name: s.name }, bits: n })));
    options.push({ weight: 1, arbitrary: bits });
  }
  return fc.oneof(...options);
}

function recordArbitrary(depth: number, withBits = true): fc.Arbitrary<RecordDecl> {
  return fc.tuple(fc.constantFrom<'struct' | 'union'>('struct', 'struct', 'union'), fc.array(memberArbitrary(depth, withBits), { minLength: 1, maxLength: 6 }))
    .map(([kind, members]): RecordDecl => ({ kind, members }));
}

function renamed(r: RecordDecl, next: () => string): RecordDecl {
  const renameType = (t: TypeNode): TypeNode => {
    if (t.kind === 'record') return { kind: 'record', record: renamed(t.record, next) };
    if (t.kind === 'array') return { ...t, element: renameType(t.element) };
    return t;
  };
  return {
    ...r,
    members: r.members.map((m) => (m.name === undefined ? { ...m, type: renameType(m.type) } : { ...m, name: next(), type: renameType(m.type) })),
  };
}

/** A spec holding one random top-level struct or union named `root`. */
export function randomSpecArbitrary(options: { readonly depth?: number; readonly bitFields?: boolean } = {}): fc.Arbitrary<Spec> {
  return recordArbitrary(options.depth ?? 2, options.bitFields ?? true).map((r): Spec => {
    let n = 0;
    const root = renamed(r, () => `f${++n}`);
    return { name: 'random', version: '1.0.0', records: [{ ...root, name: 'root' }], enums: [], constants: [], groups: [], ioctls: [] };
  });
}

/**
 * For every byte of a planned type, the bits some field covers (any member of a union counts).
 * Bytes or bits outside it are padding: the encoder must leave them zero.
 */
export function coverageMask(plan: PlanNode): Uint8Array {
  const mask = new Uint8Array(plan.size);
  const walk = (node: PlanNode, base: number): void => {
    switch (node.kind) {
      case 'scalar':
        mask.fill(0xff, base + node.offset, base + node.offset + node.size);
        return;
      case 'bits':
        for (let k = 0; k < node.bitSize; k++) {
          const bit = node.bitOffset + k;
          const inByte = bit % 8;
          mask[base + Math.floor(bit / 8)]! |= node.msbFirst ? 0x80 >> inByte : 1 << inByte;
        }
        return;
      case 'array':
        for (let i = 0; i < node.length; i++) walk(node.element, base + node.offset + i * node.stride);
        return;
      case 'struct':
      case 'union':
        for (const m of node.members) walk(m.node, base + node.offset);
    }
  };
  walk(plan, 0);
  return mask;
}

/** Whether `actual` holds every field `expected` sets, with the same value (deeply). */
export function agrees(expected: unknown, actual: unknown): boolean {
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null) return false;
    if (Array.isArray(expected)) {
      return Array.isArray(actual) && expected.length === actual.length && expected.every((e, i) => agrees(e, actual[i]));
    }
    const a = actual as Record<string, unknown>;
    return Object.entries(expected as Record<string, unknown>).every(([k, v]) => agrees(v, a[k]));
  }
  return Object.is(expected, actual);
}
