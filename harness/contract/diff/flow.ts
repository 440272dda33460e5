import type { Direction, Member, Spec, TypeNode } from '../../core/model/model';

/**
 * Which way a type's bytes travel between userspace and the kernel: the kernel reads them (`_IOW`,
 * an `in` member), writes them (`_IOR`, an `out` member, an INFO payload), or both. New meaning in
 * bytes only the kernel writes cannot hurt an old binary (it never reads them); in bytes the kernel
 * reads it can, unless old kernels rejected non-zero there. `known` is false for a type nothing in the
 * uAPI carries (a syscall argument, a BPF context, something passed behind `_IO` or a pointer).
 */
export interface Flow {
  readonly reads: boolean;
  readonly writes: boolean;
}

export const UNKNOWN_FLOW: Flow = { reads: false, writes: false };
const IN: Flow = { reads: true, writes: false };
const OUT: Flow = { reads: false, writes: true };
const BOTH: Flow = { reads: true, writes: true };

export const isKnown = (f: Flow): boolean => f.reads || f.writes;
export const kernelOnlyWrites = (f: Flow): boolean => f.writes && !f.reads;

const ofDirection = (d: Direction): Flow => (d === 'in' ? IN : d === 'out' ? OUT : BOTH);

// The kernel's in/out convention for argument unions and structs (`union drm_amdgpu_ctx { struct
// drm_amdgpu_ctx_in in; union drm_amdgpu_ctx_out out; }`, habanalabs' `hl_cs_args`).
const OUT_NAME = /^(out|output|outputs|resp|response)$|_out$/;
const IN_NAME = /^(in|input|inputs|req|request)$|_in$/;

/** The flow of a member inside a parent of flow `parent`: its annotation, else its name, else the parent's. */
export function memberFlow(parent: Flow, m: Pick<Member, 'name' | 'annotations'>): Flow {
  const declared = m.annotations?.dir ?? m.annotations?.userPointer?.dir;
  if (declared !== undefined) return ofDirection(declared);
  if (m.name !== undefined && isKnown(parent)) {
    if (OUT_NAME.test(m.name)) return OUT;
    if (IN_NAME.test(m.name)) return IN;
  }
  return parent;
}

/** The flow of a leaf at `path` (`out.fence.handle`) of a record of flow `record`, by its path's names. */
export function pathFlow(record: Flow, path: string, leaf: Pick<Member, 'name' | 'annotations'>): Flow {
  let f = record;
  const parts = path.split('.');
  for (const name of parts.slice(0, -1)) f = memberFlow(f, { name });
  return memberFlow(f, leaf);
}

const union = (a: Flow, b: Flow): Flow => ({ reads: a.reads || b.reads, writes: a.writes || b.writes });

function refsIn(t: TypeNode, out: string[]): void {
  if (t.kind === 'ref' && t.tag !== 'enum') out.push(t.name);
  else if (t.kind === 'array') refsIn(t.element, out);
}

/**
 * The flow of every named record: from the ioctls that carry it (by direction) and the INFO payloads
 * the kernel fills, carried down through members (named in/out members and annotations narrow it)
 * until nothing changes.
 */
export function recordFlows(spec: Spec): ReadonlyMap<string, Flow> {
  const flows = new Map<string, Flow>();
  const byName = new Map(spec.records.flatMap((r) => (r.name !== undefined ? [[r.name, r] as const] : [])));
  const pending: string[] = [];
  const add = (name: string, f: Flow): void => {
    if (!byName.has(name) || !isKnown(f)) return;
    const before = flows.get(name) ?? UNKNOWN_FLOW;
    const after = union(before, f);
    if (after.reads === before.reads && after.writes === before.writes) return;
    flows.set(name, after);
    pending.push(name);
  };
  for (const i of spec.ioctls) {
    if (i.arg === undefined) continue;
    const refs: string[] = [];
    refsIn(i.arg, refs);
    const f = i.dir === 'w' ? IN : i.dir === 'r' ? OUT : i.dir === 'rw' ? BOTH : UNKNOWN_FLOW;
    for (const r of refs) add(r, f);
  }
  for (const c of spec.constants) if (c.payload !== undefined) add(c.payload, OUT);
  const visit = (members: readonly Member[], f: Flow): void => {
    for (const m of members) {
      const mf = memberFlow(f, m);
      if (m.type.kind === 'record') visit(m.type.record.members, mf);
      const refs: string[] = [];
      refsIn(m.type, refs);
      for (const r of refs) add(r, mf);
      const el = m.annotations?.userPointer?.elementType;
      if (el !== undefined) add(el, m.annotations?.userPointer?.dir !== undefined ? ofDirection(m.annotations.userPointer.dir) : f);
    }
  };
  while (pending.length > 0) {
    const name = pending.pop() as string;
    visit((byName.get(name) as { members: readonly Member[] }).members, flows.get(name) as Flow);
  }
  return flows;
}
