import type { ConstantDecl, IoctlDecl, Member, RecordDecl, Spec, TypeNode } from '../../core/model/model';
import { dispatchOf, DRM_TYPE, type Dispatch } from './dispatch';
import { recordFlows, UNKNOWN_FLOW, type Flow } from './flow';

/**
 * What a diff needs to know about one side beyond its layouts: how each type travels (which decides
 * whether growing it is compatible), which constants form flag groups, and whether annotations are
 * declared (a spec) or only guessed from names (a bare C header).
 */
export interface SideContext {
  readonly spec: Spec;
  /** True for a C header imported on the fly: no annotations, so names and DRM conventions are used. */
  readonly headerMode: boolean;
  readonly uses: ReadonlyMap<string, readonly TypeUse[]>;
  /** Types reachable from an ioctl argument (members, arrays, user-pointer elements, payloads). */
  readonly reachable: ReadonlySet<string>;
  /** Flag group of each constant that belongs to one (declared, or inferred from `*_FLAGS_*` names). */
  readonly flagGroupOf: ReadonlyMap<string, string>;
  /** Value group (opcodes, indices) of each constant that belongs to one. */
  readonly valueGroupOf: ReadonlyMap<string, string>;
  /** Which way each named record's bytes travel (see flow.ts). */
  readonly flowOf: (record: string) => Flow;
  /** How the driver serves each ioctl of a caller struct of another size (see dispatch.ts). */
  readonly dispatchOf: (ioctl: IoctlDecl) => Dispatch;
  /**
   * Whether old kernels rejected non-zero reserved bytes in a record the kernel reads: declared by a
   * pad/reserved role in a spec; for a bare header, by the DRM convention (every DRM ioctl checks its
   * pad fields are zero) when a DRM ioctl carries the record.
   */
  readonly reservedChecked: (record: string) => boolean;
}

export type TypeUse =
  | { readonly kind: 'ioctl-arg'; readonly ioctl: IoctlDecl; readonly dispatch: Dispatch }
  | { readonly kind: 'payload'; readonly constant: ConstantDecl }
  | { readonly kind: 'array-element'; readonly via: string }
  | { readonly kind: 'member'; readonly parent: string; readonly atEnd: boolean };


// `pad`, `reserved3`, `__rsvd`, and the same as the last word of a name (`mem_rsvd`, `flags_pad`).
const RESERVED_NAME = /(^_*|_)(pad|padding|reserved|rsvd|resv|unused|spare)_?\d*$/i;

/** Pad/reserved by annotation, or (any side) by a name such as `pad`, `reserved3`, `__rsvd`. */
export function isReservedMember(m: Member | undefined, name: string): boolean {
  return m?.annotations?.role !== undefined || RESERVED_NAME.test(name);
}

const SENTINEL = /_(MAX|LAST|COUNT|NUM|NUMBER|NR|END)$/;
// Inside an enum, a last `..._SIZE` enumerator counts the others (GAUDI2_ENGINE_ID_SIZE); a `#define
// ..._SIZE` is as often a real size, so constants do not get this reading.
const ENUM_SENTINEL = /_(MAX|LAST|COUNT|NUM|NUMBER|NR|END|SIZE)$/;

/** `_MAX`, `_LAST`, `_COUNT`, `_NUM` ... names mark the end of a range, not a value of it. */
export function isSentinel(name: string, inEnum = false): boolean {
  return (inEnum ? ENUM_SENTINEL : SENTINEL).test(name);
}

function namedRefs(t: TypeNode, out: string[]): void {
  switch (t.kind) {
    case 'ref': if (t.tag !== 'enum') out.push(t.name); return;
    case 'array': namedRefs(t.element, out); return;
    case 'record': for (const m of t.record.members) namedRefs(m.type, out); return;
    default: return;
  }
}

function collectUses(spec: Spec, dispatch: (i: IoctlDecl) => Dispatch): Map<string, TypeUse[]> {
  const uses = new Map<string, TypeUse[]>();
  const add = (name: string, u: TypeUse): void => {
    const list = uses.get(name);
    if (list === undefined) uses.set(name, [u]);
    else list.push(u);
  };
  for (const i of spec.ioctls) {
    if (i.arg?.kind === 'ref' && i.arg.tag !== 'enum') add(i.arg.name, { kind: 'ioctl-arg', ioctl: i, dispatch: dispatch(i) });
  }
  for (const c of spec.constants) if (c.payload !== undefined) add(c.payload, { kind: 'payload', constant: c });
  // `reachesEnd`: whether the end of this member list is the end of the named parent (an inline record
  // nested as the parent's last member, or as an arm of a union, still is).
  const visitMembers = (parent: string, members: readonly Member[], kind: 'struct' | 'union', reachesEnd: boolean): void => {
    members.forEach((m, index) => {
      // Growing a member is like growing its parent at the end only for the last member of a struct
      // or any arm of a union, and only where that list ends where the parent ends.
      const atEnd = reachesEnd && (kind === 'union' || index === members.length - 1);
      const direct: string[] = [];
      if (m.type.kind === 'ref' && m.type.tag !== 'enum') direct.push(m.type.name);
      else if (m.type.kind === 'record') visitMembers(parent, m.type.record.members, m.type.record.kind, atEnd);
      else namedRefs(m.type, direct);
      for (const n of direct) add(n, m.type.kind === 'array' ? { kind: 'array-element', via: `${parent}.${m.name ?? ''}` } : { kind: 'member', parent, atEnd });
      const el = m.annotations?.userPointer?.elementType;
      if (el !== undefined) add(el, { kind: 'array-element', via: `${parent}.${m.name ?? ''}` });
    });
  };
  for (const r of spec.records) if (r.name !== undefined) visitMembers(r.name, r.members, r.kind, true);
  return uses;
}

function reachableTypes(spec: Spec): Set<string> {
  const byName = new Map<string, RecordDecl>();
  for (const r of spec.records) if (r.name !== undefined) byName.set(r.name, r);
  const out = new Set<string>();
  const visit = (name: string): void => {
    if (out.has(name)) return;
    const r = byName.get(name);
    if (r === undefined) return;
    out.add(name);
    const refs: string[] = [];
    for (const m of r.members) {
      namedRefs(m.type, refs);
      const el = m.annotations?.userPointer?.elementType;
      if (el !== undefined) refs.push(el);
    }
    refs.forEach(visit);
  };
  for (const i of spec.ioctls) if (i.arg !== undefined) { const refs: string[] = []; namedRefs(i.arg, refs); refs.forEach(visit); }
  for (const c of spec.constants) if (c.payload !== undefined) visit(c.payload);
  return out;
}

const FLAG_PREFIX = /^(.*_FLAGS?)_[A-Z0-9_]+$/;
const isMask = (v: bigint): boolean => v > 0n && (v & (v - 1n)) === 0n;

function groupsOf(spec: Spec, headerMode: boolean): { flags: Map<string, string>; values: Map<string, string> } {
  const kinds = new Map(spec.groups.map((g) => [g.name, g.of]));
  const flags = new Map<string, string>();
  const values = new Map<string, string>();
  for (const c of spec.constants) {
    if (c.group === undefined) continue;
    (kinds.get(c.group) === 'flags' ? flags : values).set(c.name, c.group);
  }
  if (headerMode) {
    // A bare header has no groups: single-bit constants sharing a `..._FLAGS_` prefix form one.
    const byPrefix = new Map<string, string[]>();
    for (const c of spec.constants) {
      const m = FLAG_PREFIX.exec(c.name);
      if (m === null || !isMask(c.value) || flags.has(c.name)) continue;
      const list = byPrefix.get(m[1] as string) ?? [];
      list.push(c.name);
      byPrefix.set(m[1] as string, list);
    }
    for (const [prefix, names] of byPrefix) if (names.length >= 2) for (const n of names) flags.set(n, prefix);
  }
  return { flags, values };
}

/** Records a DRM ioctl reaches (its argument and what that argument contains). */
function drmCarried(uses: ReadonlyMap<string, readonly TypeUse[]>): (record: string) => boolean {
  const memo = new Map<string, boolean>();
  const carried = (name: string, seen: ReadonlySet<string>): boolean => {
    const known = memo.get(name);
    if (known !== undefined) return known;
    if (seen.has(name)) return false;
    const next = new Set([...seen, name]);
    const yes = (uses.get(name) ?? []).some((u) =>
      u.kind === 'ioctl-arg' ? u.ioctl.type === DRM_TYPE : u.kind === 'member' ? carried(u.parent, next) : u.kind === 'array-element' ? carried(u.via.split('.')[0] as string, next) : false);
    memo.set(name, yes);
    return yes;
  };
  return (name) => carried(name, new Set());
}

export function sideContext(spec: Spec, headerMode: boolean): SideContext {
  const g = groupsOf(spec, headerMode);
  const dispatch = dispatchOf(spec, headerMode);
  const uses = collectUses(spec, dispatch);
  const flows = recordFlows(spec);
  const drm = drmCarried(uses);
  return {
    spec, headerMode, uses, reachable: reachableTypes(spec), flagGroupOf: g.flags, valueGroupOf: g.values,
    flowOf: (record) => flows.get(record) ?? UNKNOWN_FLOW,
    dispatchOf: dispatch,
    reservedChecked: (record) => headerMode && drm(record),
  };
}
