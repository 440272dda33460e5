import { ANNOTATIONS_FILE_KEYS, GROUP_ANNOTATION_KEYS } from '../annotation-keys';
import type { FailureClass, FieldAnnotations, GroupDecl, LintWaiver, Member, RecordDecl, Spec, TailPolicy } from '../model';

/** What a person adds to an imported spec; kept in its own file so re-importing never loses it. */
export interface SpecAnnotations {
  /** Replaces the version the import wrote. */
  readonly version?: string;
  /**
   * Field annotations by path: `record.field`, where fields of anonymous members are named directly
   * (as C names them) and fields of a named nested member as `record.member.field`.
   */
  readonly fields?: Readonly<Record<string, FieldAnnotations>>;
  /** Per ioctl name: size-tolerant dispatch, tail policy, errno per failure class, doc. */
  readonly ioctls?: Readonly<Record<string, IoctlAnnotations>>;
  /** Constant groups: which constants form a flag set or a value set. */
  readonly groups?: Readonly<Record<string, GroupAnnotation>>;
  /** The payload struct a value-group constant selects (an INFO opcode and the struct it returns). */
  readonly payloads?: Readonly<Record<string, string>>;
  /** Lint rules waived per struct/union name, each with its reason. */
  readonly lintWaivers?: Readonly<Record<string, readonly LintWaiver[]>>;
}

export interface IoctlAnnotations {
  readonly sizeExtensible?: boolean;
  readonly tail?: TailPolicy;
  readonly errno?: Readonly<Partial<Record<FailureClass, string>>>;
  readonly doc?: string;
}

export interface GroupAnnotation {
  readonly of: GroupDecl['of'];
  readonly members: readonly string[];
  readonly doc?: string;
}

/** Identity, for type checking an annotations file. */
export function defineAnnotations(a: SpecAnnotations): SpecAnnotations {
  return a;
}

/** Member `name` visible at this level of `r` (looking through anonymous members), rebuilt by `f`. */
function updateVisible(r: RecordDecl, name: string, f: (m: Member) => Member | string): RecordDecl | string {
  for (let i = 0; i < r.members.length; i++) {
    const m = r.members[i] as Member;
    let next: Member | string | undefined;
    if (m.name === name) next = f(m);
    else if (m.name === undefined && m.type.kind === 'record') {
      const inner = updateVisible(m.type.record, name, f);
      if (typeof inner !== 'string') next = { ...m, type: { kind: 'record', record: inner } };
      else if (!inner.startsWith('no field')) next = inner;
    }
    if (next === undefined) continue;
    if (typeof next === 'string') return next;
    const members = [...r.members];
    members[i] = next;
    return { ...r, members };
  }
  return `no field ${name}`;
}

function annotateField(r: RecordDecl, parts: readonly string[], a: FieldAnnotations): RecordDecl | string {
  const [head, ...rest] = parts;
  if (head === undefined) return 'empty path';
  return updateVisible(r, head, (m) => {
    if (rest.length === 0) return { ...m, annotations: { ...(m.annotations ?? {}), ...a } };
    if (m.type.kind !== 'record') return `${head} is not an inline struct/union; annotate its own type instead`;
    const inner = annotateField(m.type.record, rest, a);
    return typeof inner === 'string' ? inner : { ...m, type: { kind: 'record', record: inner } };
  });
}

/**
 * Merges annotations into an imported spec. An annotation whose target no longer exists (a field
 * renamed in the header) is an error naming it, so that nothing is dropped silently; all of them
 * are listed at once.
 */
export function applyAnnotations(spec: Spec, a: SpecAnnotations): Spec {
  // Annotation files are loaded without a type check: a misspelt key (`field:`) would drop its entries silently.
  const unknown = Object.keys(a).filter((k) => !(ANNOTATIONS_FILE_KEYS as readonly string[]).includes(k));
  if (unknown.length > 0) throw new Error(`annotations: unknown key ${unknown.join(', ')}; annotations have ${ANNOTATIONS_FILE_KEYS.join(', ')}`);
  const stale: string[] = Object.entries(a.groups ?? {}).flatMap(([g, ga]) => Object.keys(ga)
    .filter((k) => !(GROUP_ANNOTATION_KEYS as readonly string[]).includes(k))
    .map((k) => `groups['${g}'].${k}: unknown key (known here: ${GROUP_ANNOTATION_KEYS.join(', ')})`));
  const records = [...spec.records];
  for (const [p, fa] of Object.entries(a.fields ?? {})) {
    const [recordName, ...parts] = p.split('.');
    const i = records.findIndex((r) => r.name === recordName);
    if (i < 0 || parts.length === 0) {
      stale.push(`fields['${p}']: no struct or union ${recordName ?? ''}`);
      continue;
    }
    const updated = annotateField(records[i] as RecordDecl, parts, fa);
    if (typeof updated === 'string') stale.push(`fields['${p}']: ${updated}`);
    else records[i] = updated;
  }
  for (const [name, waivers] of Object.entries(a.lintWaivers ?? {})) {
    const i = records.findIndex((r) => r.name === name);
    if (i < 0) stale.push(`lintWaivers['${name}']: no struct or union ${name}`);
    else records[i] = { ...(records[i] as RecordDecl), lintWaivers: waivers };
  }
  const ioctlNames = new Set(spec.ioctls.map((i) => i.name));
  for (const n of Object.keys(a.ioctls ?? {})) if (!ioctlNames.has(n)) stale.push(`ioctls['${n}']: no ioctl ${n}`);
  const ioctls = spec.ioctls.map((i) => {
    const x = a.ioctls?.[i.name];
    return x === undefined ? i : { ...i, ...x };
  });
  const groupOf = new Map<string, string>();
  for (const [g, ga] of Object.entries(a.groups ?? {})) for (const c of ga.members) groupOf.set(c, g);
  const constantNames = new Set(spec.constants.map((c) => c.name));
  for (const c of groupOf.keys()) if (!constantNames.has(c)) stale.push(`groups['${groupOf.get(c) ?? ''}']: no constant ${c}`);
  for (const c of Object.keys(a.payloads ?? {})) if (!constantNames.has(c)) stale.push(`payloads['${c}']: no constant ${c}`);
  if (stale.length > 0) throw new Error(`annotations name what the header no longer has, or keys that do not exist:\n  ${stale.join('\n  ')}`);
  const constants = spec.constants.map((c) => {
    const group = groupOf.get(c.name);
    const payload = a.payloads?.[c.name];
    return { ...c, ...(group !== undefined ? { group } : {}), ...(payload !== undefined ? { payload } : {}) };
  });
  const groups: GroupDecl[] = [
    ...spec.groups,
    ...Object.entries(a.groups ?? {}).map(([name, g]): GroupDecl => ({ kind: 'group', name, of: g.of, ...(g.doc !== undefined ? { doc: g.doc } : {}) })),
  ];
  return { ...spec, ...(a.version !== undefined ? { version: a.version } : {}), records, ioctls, constants, groups };
}
