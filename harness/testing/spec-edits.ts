import type { ConstantDecl, Spec } from '../core/model/model';

/** Something declared under a name at the top level of a spec. */
interface Named {
  readonly name?: string;
}

/**
 * `base` with each declaration of `edits` in place of the base's declaration of the same name;
 * declarations the base lacks go before the first one replaced (so that a new struct precedes the
 * struct that now embeds it, as `defineSpec` orders them) or, when nothing is replaced, at the end.
 */
function splice<T extends Named>(base: readonly T[], edits: readonly T[]): T[] {
  const byName = new Map(edits.flatMap((e) => (e.name !== undefined ? [[e.name, e] as const] : [])));
  const baseNames = new Set(base.map((b) => b.name));
  const added = edits.filter((e) => !baseNames.has(e.name));
  const out: T[] = [];
  let placed = false;
  for (const b of base) {
    const e = b.name !== undefined ? byName.get(b.name) : undefined;
    if (e !== undefined && !placed) {
      out.push(...added);
      placed = true;
    }
    out.push(e ?? b);
  }
  if (!placed) out.push(...added);
  return out;
}

/**
 * Constants: a group in `edits` replaces every base constant of that group (so a member can be
 * removed or given another value) where the group's first member stood; ungrouped constants
 * replace the base's of the same name.
 */
function spliceConstants(base: readonly ConstantDecl[], edits: readonly ConstantDecl[]): ConstantDecl[] {
  const editedGroups = new Set(edits.flatMap((c) => (c.group !== undefined ? [c.group] : [])));
  const out: ConstantDecl[] = [];
  const emitted = new Set<string>();
  for (const b of base) {
    if (b.group !== undefined && editedGroups.has(b.group)) {
      if (!emitted.has(b.group)) out.push(...edits.filter((c) => c.group === b.group));
      emitted.add(b.group);
      continue;
    }
    out.push(b);
  }
  const rest = edits.filter((c) => c.group === undefined || !emitted.has(c.group));
  return splice(out, rest);
}

/**
 * A candidate next version of a spec: `base` with the declarations of `edits` (a partial spec made
 * with `defineSpec`, holding only what changes) put in place, at the version `edits` declares.
 * Plain data in, plain data out; the base is not modified.
 */
export function applySpecEdits(base: Spec, edits: Spec): Spec {
  return {
    name: base.name,
    version: edits.version,
    records: splice(base.records, edits.records),
    enums: splice(base.enums, edits.enums),
    constants: spliceConstants(base.constants, edits.constants),
    groups: splice(base.groups, edits.groups),
    ioctls: splice(base.ioctls, edits.ioctls),
  };
}
