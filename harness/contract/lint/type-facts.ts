import type { Abi } from '../../core/layout/abi';
import type { LayoutEngine, MemberLayout, RecordLayout } from '../../core/layout/engine';
import type { RecordDecl, Spec, TypeNode } from '../../core/model/model';

/** The element type under any number of array dimensions. */
export function withoutArrays(t: TypeNode): TypeNode {
  let e = t;
  while (e.kind === 'array') e = e.element;
  return e;
}

/**
 * The alignment a type would need if every member sat at a multiple of its own size: what
 * "naturally aligned" means in the kernel's ioctl guidelines. It differs from the ABI's alignment
 * where the ABI is laxer (a `__u64` needs 8 here, though i386 aligns it to 4 inside structs).
 */
export function naturalAlign(engine: LayoutEngine, t: TypeNode): number {
  switch (t.kind) {
    case 'scalar': return engine.scalar(t.name).size;
    case 'pointer': return engine.abi.pointerBytes;
    case 'array': return naturalAlign(engine, t.element);
    case 'ref':
      if (t.tag === 'enum') return engine.enumSizeAlign(t.name).size;
      return recordNaturalAlign(engine, engine.findRecord(t.name));
    case 'record': return recordNaturalAlign(engine, t.record);
  }
}

function recordNaturalAlign(engine: LayoutEngine, d: RecordDecl | undefined): number {
  if (d === undefined) return 1;
  return Math.max(1, ...d.members.map((m) => naturalAlign(engine, m.type)));
}

/** The first 8-byte scalar a record holds by value (nested records included), as a dotted name. */
export function first64BitLeaf(engine: LayoutEngine, r: RecordLayout): string | undefined {
  const visit = (ms: readonly MemberLayout[], prefix: string): string | undefined => {
    for (const m of ms) {
      const leaf = withoutArrays(m.type);
      const nested = m.record ?? engine.recordOf(leaf);
      if (nested !== undefined) {
        const inner = visit(nested.members, m.name !== undefined ? `${prefix}${m.name}.` : prefix);
        if (inner !== undefined) return inner;
        continue;
      }
      if (m.name !== undefined && m.bitSize === undefined && leaf.kind === 'scalar' && engine.scalar(leaf.name).size === 8) {
        return `${prefix}${m.name}`;
      }
    }
    return undefined;
  };
  return visit(r.members, '');
}

/**
 * The records an argument type holds by value, the type itself included: what travels in the
 * ioctl's copy of `_IOC_SIZE` bytes. Records reached only through user pointers are not included.
 */
export function recordsByValue(spec: Spec, t: TypeNode): Set<RecordDecl> {
  const found = new Set<RecordDecl>();
  const byName = new Map(spec.records.filter((r) => r.name !== undefined).map((r) => [r.name as string, r]));
  const visit = (n: TypeNode): void => {
    const e = withoutArrays(n);
    const d = e.kind === 'record' ? e.record : e.kind === 'ref' && e.tag !== 'enum' ? byName.get(e.name) : undefined;
    if (d === undefined || found.has(d)) return;
    found.add(d);
    for (const m of d.members) visit(m.type);
  };
  visit(t);
  return found;
}

/** `i386, arm` or `every ABI checked`, for messages. */
export function abiList(abis: readonly Abi[] | readonly string[]): string {
  return abis.map((a) => (typeof a === 'string' ? a : a.name)).join(', ');
}

/** `0x40`. */
export const hex = (n: number): string => `0x${n.toString(16)}`;

/** `'d'` for printable type bytes, else hex. */
export function typeChar(t: number): string {
  return t >= 0x21 && t < 0x7f && t !== 0x27 && t !== 0x5c ? `'${String.fromCharCode(t)}'` : hex(t);
}
