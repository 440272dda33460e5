import type { MemberLayout, RecordLayout } from '../../core/layout/engine';
import type { Member, TypeNode } from '../../core/model/model';
import { SCALARS } from '../../core/model/scalars';
import { isReservedMember } from './context';
import { pushAll } from '../../core/util/push-all';

/**
 * A field as the byte-range differ sees it: a scalar or array at an absolute offset, with the path
 * C would use to name it (`in.flags`; anonymous members add nothing to the path). Named nested
 * structs are opened up, so that a change inside one is reported at the field that moved.
 */
export interface Leaf {
  readonly path: string;
  readonly offset: number;
  readonly size: number;
  readonly end: number;
  readonly typeName: string;
  /** Identity for "same type": canonical scalar name; arrays by element key and length; records by size. */
  readonly typeKey: string;
  readonly bitOffset?: number;
  readonly bitSize?: number;
  readonly reserved: boolean;
  readonly member: Member;
  /** The union arms the leaf sits in, outermost first: `u3#1` is arm 1 of the 4th union visited. */
  readonly arms: readonly string[];
}

/** Two leaves of one layout are alternatives when some union holds them in different arms. */
export function exclusive(a: Leaf, b: Leaf): boolean {
  for (const x of a.arms) {
    const [u] = x.split('#');
    const y = b.arms.find((z) => z.split('#')[0] === u);
    if (y !== undefined && y !== x) return true;
  }
  return false;
}

function typeKey(t: TypeNode, m: MemberLayout): string {
  switch (t.kind) {
    // `__aligned_u64` is `__u64` with an alignment attribute: the same bytes and values, so the same
    // type for field comparison (an alignment change shows where it moves something).
    case 'scalar': return t.name.replace(/^__aligned_/, '__');
    case 'array': return `${typeKey(t.element, m)}[${t.length}]`;
    case 'pointer': return 'pointer';
    case 'ref': return t.tag === 'enum' ? `enum:${t.name}` : `${t.tag}:${m.size}`;
    case 'record': return `${t.record.kind}:${m.size}`;
  }
}

export function leavesOf(r: RecordLayout): Leaf[] {
  let unions = 0;
  const walk = (rec: RecordLayout, base: number, prefix: string, arms: readonly string[]): Leaf[] => {
    const out: Leaf[] = [];
    const uid = rec.kind === 'union' ? `u${unions++}` : undefined;
    rec.members.forEach((m, index) => {
      const offset = base + m.offset;
      const here = uid !== undefined ? [...arms, `${uid}#${index}`] : arms;
      if (m.record !== undefined && m.type.kind !== 'array') {
        pushAll(out, walk(m.record, offset, m.name !== undefined ? `${prefix}${m.name}.` : prefix, here));
        return;
      }
      const leaf = leafOf(m, base, offset, prefix, here);
      if (leaf !== undefined) out.push(leaf);
    });
    return out;
  };
  return walk(r, 0, '', []);
}

function leafOf(m: MemberLayout, base: number, offset: number, prefix: string, arms: readonly string[]): Leaf | undefined {
  if (m.name === undefined) return undefined;
  const bits = m.bitOffset !== undefined && m.bitSize !== undefined ? { bitOffset: base * 8 + m.bitOffset, bitSize: m.bitSize } : {};
  return {
    path: `${prefix}${m.name}`,
    offset,
    size: m.size,
    end: offset + m.size,
    typeName: m.typeName,
    typeKey: typeKey(m.type, m),
    ...bits,
    reserved: isReservedMember(m.member, m.name),
    member: m.member,
    arms,
  };
}

/** Element type key and length: a scalar counts as an array of one. */
export function asArray(l: Leaf): { element: string; length: number } {
  const m = /^(.*)\[(\d+)\]$/.exec(l.typeKey);
  return m === null ? { element: l.typeKey, length: 1 } : { element: m[1] as string, length: Number(m[2]) };
}

/** Whether two scalar leaves differ only in signedness (same size, class and byte order). */
export function onlySignednessDiffers(a: Leaf, b: Leaf): boolean {
  const ta = a.member.type;
  const tb = b.member.type;
  if (ta.kind !== 'scalar' || tb.kind !== 'scalar') return false;
  const ia = SCALARS[ta.name];
  const ib = SCALARS[tb.name];
  return ia.bytes === ib.bytes && ia.cls === ib.cls && ia.endian === ib.endian && ia.float === ib.float && ia.signed !== ib.signed;
}

export const overlaps = (a: { offset: number; end: number }, b: { offset: number; end: number }): boolean =>
  a.offset < b.end && b.offset < a.end;
export const inside = (inner: { offset: number; end: number }, outer: { offset: number; end: number }): boolean =>
  inner.offset >= outer.offset && inner.end <= outer.end;

/**
 * A leaf's bits `[start, end)` from the start of the top-level type: a bit-field holds only its own
 * bits, not the whole storage unit, so a new bit-field in bits that were unnamed or reserved padding
 * does not collide with its neighbours in the same word.
 */
export function bitsOf(l: Leaf): { offset: number; end: number } {
  return l.bitOffset !== undefined && l.bitSize !== undefined ? { offset: l.bitOffset, end: l.bitOffset + l.bitSize } : { offset: l.offset * 8, end: l.end * 8 };
}
export const overlapsBits = (a: Leaf, b: Leaf): boolean => overlaps(bitsOf(a), bitsOf(b));
export const insideBits = (inner: Leaf, outer: Leaf): boolean => inside(bitsOf(inner), bitsOf(outer));
