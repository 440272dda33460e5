import type { EnumDecl, RecordDecl, SourceLoc, Spec } from '../model';
import { callSite } from './call-site';
import { ConstantsBuilder } from './constants';
import { described, DslError } from './dsl-error';
import { EnumBuilder } from './enum';
import { checkHeaderOrigin, locateInHeader, type HeaderOrigin } from './header-origin';
import { IoctlBuilder } from './ioctl';
import { RecordBuilder } from './record';
import type { NamedBuilder } from './named';
import type { RecordKind, Shape } from './record';

export interface SpecDefinition {
  readonly name: string;
  /** Semantic version of this uAPI contract. */
  readonly version: string;
  readonly ioctls?: readonly IoctlBuilder[];
  /** Types not reachable from an ioctl or a payload (they are collected anyway when reachable). */
  readonly types?: readonly (RecordBuilder<Shape, RecordKind> | EnumBuilder)[];
  readonly constants?: readonly ConstantsBuilder[];
  /** Written by `uapi import`: where each declaration is in the header, so findings point there. */
  readonly header?: HeaderOrigin;
}

/**
 * Assembles a spec from builders. Named types are collected from every root (ioctl arguments,
 * payloads, explicit types) with their dependencies first, as C needs them declared.
 */
export function defineSpec(def: SpecDefinition): Spec {
  const loc = checkDefinition(def);
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
  const spec: Spec = {
    name: def.name,
    version: def.version,
    records,
    enums,
    constants: constantSets.flatMap((c) => c.constants),
    groups: constantSets.flatMap((c) => (c.group !== undefined ? [c.group] : [])),
    ioctls: ioctls.map((i) => i.decl),
  };
  return def.header !== undefined ? locateInHeader(spec, def.header, loc?.file) : spec;
}

const KNOWN_KEYS: ReadonlySet<string> = new Set(['name', 'version', 'ioctls', 'types', 'constants', 'header']);

/**
 * What each list of a definition holds, checked before anything is built from it (see DslError).
 * Returns the spec file's location of the `defineSpec` call.
 */
function checkDefinition(def: SpecDefinition): SourceLoc | undefined {
  const loc = callSite();
  if (def === null || typeof def !== 'object') throw new DslError('defineSpec', `expects {name, version, ioctls, types, constants}, got ${described(def)}`, loc);
  // Specs are loaded without a type check: a misspelt key (`records:` for `types:`) would drop its types silently.
  const unknown = Object.keys(def).find((k) => !KNOWN_KEYS.has(k));
  if (unknown !== undefined) throw new DslError(`defineSpec: ${unknown}`, `unknown key; a definition has ${[...KNOWN_KEYS].join(', ')}`, loc);
  const lists: readonly [keyof SpecDefinition, string, (x: unknown) => boolean][] = [
    ['ioctls', 'ioctl(...)', (x) => x instanceof IoctlBuilder],
    ['types', 'struct(...), union(...) or enumeration(...)', (x) => x instanceof RecordBuilder || x instanceof EnumBuilder],
    ['constants', 'constants(...), flags(...) or values(...)', (x) => x instanceof ConstantsBuilder],
  ];
  for (const [key, what, ok] of lists) {
    const xs = def[key];
    if (xs === undefined) continue;
    if (!Array.isArray(xs)) throw new DslError(`defineSpec: ${key}`, `expects an array of ${what}, got ${described(xs)}`, loc);
    xs.forEach((x: unknown, i: number) => {
      if (!ok(x)) throw new DslError(`defineSpec: ${key}[${i}]`, `expects ${what}, got ${described(x)}`, loc);
    });
  }
  if (def.header !== undefined) checkHeaderOrigin(def.header, loc);
  return loc;
}
