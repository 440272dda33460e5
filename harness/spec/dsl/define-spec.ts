import type { EnumDecl, RecordDecl, Spec } from '../model';
import type { ConstantsBuilder } from './constants';
import type { EnumBuilder } from './enum';
import type { IoctlBuilder } from './ioctl';
import type { NamedBuilder } from './named';
import type { RecordBuilder, RecordKind, Shape } from './record';

export interface SpecDefinition {
  readonly name: string;
  /** Semantic version of this uAPI contract. */
  readonly version: string;
  readonly ioctls?: readonly IoctlBuilder[];
  /** Types not reachable from an ioctl or a payload (they are collected anyway when reachable). */
  readonly types?: readonly (RecordBuilder<Shape, RecordKind> | EnumBuilder)[];
  readonly constants?: readonly ConstantsBuilder[];
}

/**
 * Assembles a spec from builders. Named types are collected from every root (ioctl arguments,
 * payloads, explicit types) with their dependencies first, as C needs them declared.
 */
export function defineSpec(def: SpecDefinition): Spec {
  const seen = new Set<NamedBuilder>();
  const records: RecordDecl[] = [];
  const enums: EnumDecl[] = [];
  const visit = (b: NamedBuilder): void => {
    if (seen.has(b)) return;
    seen.add(b);
    if (b.namedKind === 'record') (b as RecordBuilder<Shape, RecordKind>).memberDependencies().forEach(visit);
    const d = b.decl();
    if (d.kind === 'enum') enums.push(d);
    else records.push(d);
  };
  const ioctls = def.ioctls ?? [];
  const constantSets = def.constants ?? [];
  ioctls.forEach((i) => i.dependencies().forEach(visit));
  constantSets.forEach((c) => c.dependencies().forEach(visit));
  (def.types ?? []).forEach(visit);
  return {
    name: def.name,
    version: def.version,
    records,
    enums,
    constants: constantSets.flatMap((c) => c.constants),
    groups: constantSets.flatMap((c) => (c.group !== undefined ? [c.group] : [])),
    ioctls: ioctls.map((i) => i.decl),
  };
}
