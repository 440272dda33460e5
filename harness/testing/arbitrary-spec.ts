import fc from 'fast-check';
import { KERNEL_SCALARS, type Member, type RecordDecl, type Spec, type TypeNode } from '../core/model/model';

export interface ArbitrarySpecConstraints {
  /** Named top-level records to generate (default 1..4). */
  readonly minRecords?: number;
  readonly maxRecords?: number;
  /** Maximum nesting depth of inline records (default 2). */
  readonly maxDepth?: number;
  /** Allow `packed` and `aligned(N)` attributes (default true). */
  readonly attributes?: boolean;
  /** Allow members whose type is an earlier named record (default true). */
  readonly references?: boolean;
  /** Allow `__aligned_*` scalars, whose alignment attribute survives packing (default true). */
  readonly alignedScalars?: boolean;
}

function scalarsArb(aligned: boolean): fc.Arbitrary<TypeNode> {
  const names = KERNEL_SCALARS.filter((n) => aligned || !n.startsWith('__aligned_'));
  return fc.constantFrom(...names).map((name): TypeNode => ({ kind: 'scalar', name }));
}

function typeArb(depth: number, attributes: boolean, refs: readonly string[], scalarType: fc.Arbitrary<TypeNode>): fc.Arbitrary<TypeNode> {
  const leaves: fc.Arbitrary<TypeNode>[] = [scalarType, scalarType, scalarType];
  if (refs.length > 0) leaves.push(fc.constantFrom(...refs).map((name): TypeNode => ({ kind: 'ref', tag: 'struct', name })));
  const leaf = fc.oneof(...leaves);
  const arrayOf = leaf.chain((element) => fc.integer({ min: 1, max: 5 }).map((length): TypeNode => ({ kind: 'array', element, length })));
  if (depth <= 0) return fc.oneof(leaf, arrayOf);
  const inline = recordArb(undefined, depth - 1, attributes, refs, scalarType).map((record): TypeNode => ({ kind: 'record', record }));
  return fc.oneof({ weight: 4, arbitrary: leaf }, { weight: 1, arbitrary: arrayOf }, { weight: 1, arbitrary: inline });
}

/** A struct or union with 1..6 members named m0, m1, ... (anonymous inline records get no name). */
export function recordArb(name: string | undefined, depth: number, attributes: boolean, refs: readonly string[], scalarType: fc.Arbitrary<TypeNode> = scalarsArb(true)): fc.Arbitrary<RecordDecl> {
  return fc.record({
    kind: fc.constantFrom<'struct' | 'union'>('struct', 'struct', 'union'),
    types: fc.array(typeArb(depth, attributes, refs, scalarType), { minLength: 1, maxLength: 6 }),
    packed: attributes ? fc.boolean() : fc.constant(false),
    aligned: attributes ? fc.constantFrom(undefined, undefined, undefined, 8, 16) : fc.constant(undefined),
    memberAligned: fc.array(attributes ? fc.constantFrom(undefined, undefined, undefined, undefined, 4, 8) : fc.constant(undefined), { minLength: 6, maxLength: 6 }),
    anonymous: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
  }).map(({ kind, types, packed, aligned, memberAligned, anonymous }): RecordDecl => {
    let counter = 0;
    const members = types.map((type, i): Member => {
      const a = memberAligned[i];
      // Anonymous members are only legal for inline records; keep their field names unique by prefix.
      if (type.kind === 'record' && anonymous[i] === true) return { type: renamed(type, `a${name ?? 'x'}${i}_`) };
      return { name: `m${counter++}`, type, ...(a !== undefined ? { aligned: a } : {}) };
    });
    return { kind, ...(name !== undefined ? { name } : {}), members, ...(packed ? { packed: true } : {}), ...(aligned !== undefined ? { aligned } : {}) };
  });
}

function renamed(t: TypeNode & { kind: 'record' }, prefix: string): TypeNode {
  const members = t.record.members.map((m) => (m.name !== undefined ? { ...m, name: `${prefix}${m.name}` } : m));
  return { kind: 'record', record: { ...t.record, members } };
}

/**
 * Random valid specs of uAPI-style records: fixed-width scalars, arrays, nested and anonymous
 * structs/unions, references to earlier records, packed/aligned attributes. Used by property tests
 * of the layout engine, the codec and the oracle.
 */
export function specArb(c: ArbitrarySpecConstraints = {}): fc.Arbitrary<Spec> {
  const min = c.minRecords ?? 1;
  const max = c.maxRecords ?? 4;
  const depth = c.maxDepth ?? 2;
  const attributes = c.attributes ?? true;
  const scalarType = scalarsArb(c.alignedScalars ?? true);
  return fc.integer({ min, max }).chain((n) => {
    const arbs: fc.Arbitrary<RecordDecl>[] = [];
    for (let i = 0; i < n; i++) {
      const refs = c.references === false ? [] : Array.from({ length: i }, (_, j) => `r${j}`);
      arbs.push(recordArb(`r${i}`, depth, attributes, refs, scalarType).map((r) => (r.kind === 'union' ? { ...r, kind: 'struct' as const } : r)));
    }
    return fc.tuple(...arbs);
  }).map((records): Spec => ({ name: 'random', version: '0.0.0', records, enums: [], constants: [], groups: [], ioctls: [] }));
}
