import * as path from 'node:path';
import type { ConstantDecl, EnumDecl, IoctlDecl, Member, RecordDecl, SourceLoc, Spec } from '../model';
import { described, DslError } from './dsl-error';

/**
 * Where an imported spec's declarations are in the C header it was imported from, so that every
 * finding and change about them points at the header line a kernel developer edits, not at the
 * generated spec file (whose line becomes the second location). Written by `uapi import` into
 * `defineSpec({ header: ... })`; a hand-written spec has none.
 */
export interface HeaderOrigin {
  /** The header, relative to the spec file's folder (as the import wrote it) or absolute. */
  readonly file: string;
  /**
   * `line:col` in the header per declaration: `struct s`, `struct s.field` (fields of anonymous
   * members are named directly, as annotation paths name them), `union u`, `enum e`, `enum e.V`,
   * `constant C`, `ioctl I`.
   */
  readonly at: Readonly<Record<string, string>>;
}

const LINE_COL = /^(\d+):(\d+)$/;

/** Checks the shape of a `header` entry (specs are loaded without a type check). */
export function checkHeaderOrigin(origin: unknown, loc: SourceLoc | undefined): asserts origin is HeaderOrigin {
  const o = origin as Partial<HeaderOrigin> | null;
  if (o === null || typeof o !== 'object' || typeof o.file !== 'string' || o.at === null || typeof o.at !== 'object') {
    throw new DslError('defineSpec: header', `expects { file: 'path/to/header.h', at: { 'struct s': 'line:col', ... } }, got ${described(origin)}`, loc);
  }
  for (const [k, v] of Object.entries(o.at)) {
    if (typeof v !== 'string' || !LINE_COL.test(v)) throw new DslError(`defineSpec: header.at['${k}']`, `expects 'line:col', got ${described(v)}`, loc);
  }
}

/**
 * The spec with every declaration the origin names located in the header (its spec-file location
 * kept as `loc.spec`). `specFile` is the spec file's location as the DSL saw it (relative to the
 * working directory), against which a relative header path is resolved.
 */
export function locateInHeader(spec: Spec, origin: HeaderOrigin, specFile: string | undefined): Spec {
  const base = specFile !== undefined ? path.dirname(path.resolve(specFile)) : process.cwd();
  const headerAbs = path.resolve(base, origin.file);
  const file = path.relative(process.cwd(), headerAbs) || headerAbs;
  const at = (key: string, written: SourceLoc | undefined): SourceLoc | undefined => {
    const m = LINE_COL.exec(origin.at[key] ?? '');
    if (m === null) return written;
    return { file, line: Number(m[1]), col: Number(m[2]), ...(written !== undefined ? { spec: written } : {}) };
  };
  const withLoc = <T extends { readonly loc?: SourceLoc }>(x: T, key: string, written: SourceLoc | undefined = x.loc): T => {
    const loc = at(key, written);
    return loc === undefined ? x : { ...x, loc };
  };
  const members = (owner: string, ms: readonly Member[]): Member[] => ms.map((m) => {
    const inner = m.type.kind === 'record' && m.name === undefined ? { ...m.type, record: { ...m.type.record, members: members(owner, m.type.record.members) } } : m.type;
    const named = { ...m, type: inner };
    return m.name !== undefined ? withLoc(named, `${owner}.${m.name}`) : named;
  });
  const record = (r: RecordDecl): RecordDecl => {
    const key = `${r.kind} ${r.name ?? ''}`;
    return withLoc({ ...r, members: members(key, r.members) }, key);
  };
  const enumDecl = (e: EnumDecl): EnumDecl => withLoc({ ...e, values: e.values.map((v) => withLoc(v, `enum ${e.name}.${v.name}`, v.loc ?? e.loc)) }, `enum ${e.name}`);
  return {
    ...spec,
    records: spec.records.map(record),
    enums: spec.enums.map(enumDecl),
    constants: spec.constants.map((c: ConstantDecl) => withLoc(c, `constant ${c.name}`)),
    ioctls: spec.ioctls.map((i: IoctlDecl) => withLoc(i, `ioctl ${i.name}`)),
  };
}

/**
 * Each declaration of `spec` located in `file`, keyed as {@link HeaderOrigin.at} names them: what
 * `uapi import` writes for the header it read (declarations its includes made are left out), and what
 * {@link locateInHeader} reads back.
 */
export function declarationLocations(spec: Spec, file: string): [string, SourceLoc][] {
  const out: [string, SourceLoc][] = [];
  const add = (key: string, loc: SourceLoc | undefined): void => {
    if (loc !== undefined && loc.file === file) out.push([key, loc]);
  };
  const members = (owner: string, ms: readonly Member[]): void => {
    for (const m of ms) {
      if (m.name === undefined && m.type.kind === 'record') members(owner, m.type.record.members);
      else if (m.name !== undefined) add(`${owner}.${m.name}`, m.loc);
    }
  };
  for (const e of spec.enums) {
    add(`enum ${e.name}`, e.loc);
    for (const v of e.values) add(`enum ${e.name}.${v.name}`, v.loc);
  }
  for (const r of spec.records) {
    if (r.name === undefined) continue;
    add(`${r.kind} ${r.name}`, r.loc);
    members(`${r.kind} ${r.name}`, r.members);
  }
  for (const c of spec.constants) add(`constant ${c.name}`, c.loc);
  for (const i of spec.ioctls) add(`ioctl ${i.name}`, i.loc);
  return out;
}
