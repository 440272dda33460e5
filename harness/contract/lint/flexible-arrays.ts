import type { Member, RecordDecl, TypeNode } from '../../core/model/model';

/** A flexible (`T x[]`) or zero-length (`T x[0]`) array: the model writes both as length 0. */
export function isFlexibleArray(t: TypeNode): boolean {
  return t.kind === 'array' && t.length === 0;
}

/**
 * Whether the two members are what `__DECLARE_FLEX_ARRAY(T, x)` of <linux/stddef.h> expands to in
 * C: `struct { } __empty_x; T x[];`, the empty struct being there only because C wants a named
 * member before a flexible array. The macro declares `T x[0]` for C++ instead, so C and C++ agree.
 */
export function isDeclareFlexArray(members: readonly Member[]): boolean {
  const [empty, array] = members;
  return members.length === 2 && empty !== undefined && array !== undefined
    && empty.type.kind === 'record' && empty.type.record.kind === 'struct' && empty.type.record.members.length === 0
    && array.name !== undefined && empty.name === `__empty_${array.name}` && isFlexibleArray(array.type);
}

/**
 * Whether a record's storage ends in a flexible array: the last member of a struct is one (or a
 * record that does), or any member of a union is. `resolve` finds named records.
 */
export function endsInFlexibleArray(d: RecordDecl, resolve: (name: string) => RecordDecl | undefined, seen: Set<RecordDecl> = new Set()): boolean {
  if (seen.has(d)) return false;
  seen.add(d);
  const ends = (m: Member): boolean => {
    if (isFlexibleArray(m.type)) return true;
    const inner = m.type.kind === 'record' ? m.type.record : m.type.kind === 'ref' && m.type.tag !== 'enum' ? resolve(m.type.name) : undefined;
    return inner !== undefined && endsInFlexibleArray(inner, resolve, seen);
  };
  const last = d.members[d.members.length - 1];
  return d.kind === 'union' ? d.members.some(ends) : last !== undefined && ends(last);
}
