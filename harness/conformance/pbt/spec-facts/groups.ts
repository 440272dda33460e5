import type { Spec } from '../../../core/model/model';

/** What a flags group, value group or enum allows, as a field annotated with it sees it. */
export interface GroupFacts {
  readonly name: string;
  readonly of: 'flags' | 'values';
  /** Member values (flag masks for a flags group). */
  readonly values: readonly bigint[];
  /** Member names, in declaration order, parallel to `values`. */
  readonly names: readonly string[];
  /** Union of every member mask (flags) or of every value's bits (values). */
  readonly mask: bigint;
  /** The payload type each member selects (INFO opcodes), parallel to `values`. */
  readonly payloads: readonly (string | undefined)[];
}

/**
 * The facts of the group or enum a `flags`/`oneOf` annotation names, or undefined when the spec has
 * neither (validation reports that; the suite then treats the field as plain).
 */
export function groupFacts(spec: Spec, name: string): GroupFacts | undefined {
  const members = spec.constants.filter((c) => c.group === name);
  const group = spec.groups.find((g) => g.name === name);
  if (group !== undefined || members.length > 0) {
    const values = members.map((c) => c.value);
    return {
      name, of: group?.of ?? 'values', values, names: members.map((c) => c.name), mask: values.reduce((m, v) => m | BigInt.asUintN(64, v), 0n),
      payloads: members.map((c) => c.payload),
    };
  }
  const e = spec.enums.find((x) => x.name === name);
  if (e === undefined) return undefined;
  const values = e.values.map((v) => v.value);
  return { name, of: 'values', values, names: e.values.map((v) => v.name), mask: values.reduce((m, v) => m | BigInt.asUintN(64, v), 0n), payloads: values.map(() => undefined) };
}

/** Every constant and enumerator of the spec by name (for the model and the boundary values). */
export function constantsByName(spec: Spec): ReadonlyMap<string, bigint> {
  const out = new Map<string, bigint>();
  for (const e of spec.enums) for (const v of e.values) out.set(v.name, v.value);
  for (const c of spec.constants) out.set(c.name, c.value);
  return out;
}

/**
 * Limits the spec publishes (ungrouped constants): the values where a size or count check would be
 * off by one. Plain integer fields are drawn near them, so that D5 boundaries are reached without a
 * hand list per field.
 */
export function boundaryValues(spec: Spec): readonly bigint[] {
  const out = new Set<bigint>();
  for (const c of spec.constants) {
    if (c.group !== undefined || c.value <= 0n) continue;
    for (const d of [-1n, 0n, 1n]) out.add(c.value + d);
  }
  return [...out].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
