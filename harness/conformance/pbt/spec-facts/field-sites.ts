import type { PlanNode, RecordPlan, ScalarAccess } from '../../../core/codec';
import type { Direction, FieldAnnotations } from '../../../core/model/model';

/** What a field's annotations make of it, for generating values and faults. */
export type SiteKind = 'zero' | 'flags' | 'oneOf' | 'handle' | 'userPointer' | 'sizeOfStruct' | 'plain';

/** One scalar field of a record (array elements each count), at its offset from the record's start. */
export interface FieldSite {
  /** `hl_cs_in.pad[2]`, `hl_mem_in.alloc.mem_size`: the record name, then the names C uses. */
  readonly path: string;
  /** The field's own name (`pad`, `mem_size`). */
  readonly key: string;
  /** Path of the named record holding it (anonymous members belong to their enclosing record). */
  readonly parent: string;
  readonly offset: number;
  readonly access: ScalarAccess;
  readonly kind: SiteKind;
  readonly annotations: FieldAnnotations | undefined;
  /**
   * Inside a union: whether the field is read at all depends on which member the call means (an op
   * selects it), and its bytes are other members' too. Only unconditional sites have a fault whose
   * errno the spec predicts outright.
   */
  readonly conditional: boolean;
  readonly dir: Direction;
}

/** A record as the generator sees it: fields, unions of alternatives, and array elements. */
export type Shape =
  | { readonly kind: 'site'; readonly site: FieldSite }
  | { readonly kind: 'struct'; readonly path: string; readonly members: readonly Shape[] }
  | { readonly kind: 'union'; readonly path: string; readonly arms: readonly Shape[] }
  | { readonly kind: 'opaque' };

function siteKind(a: FieldAnnotations | undefined): SiteKind {
  if (a === undefined) return 'plain';
  if (a.role !== undefined) return 'zero';
  if (a.userPointer !== undefined) return 'userPointer';
  if (a.handle !== undefined) return 'handle';
  if (a.flags !== undefined) return 'flags';
  if (a.oneOf !== undefined) return 'oneOf';
  if (a.sizeOfStruct === true) return 'sizeOfStruct';
  return 'plain';
}

function direction(a: FieldAnnotations | undefined): Direction {
  return a?.dir ?? a?.userPointer?.dir ?? 'inout';
}

interface Walk {
  readonly sites: FieldSite[];
}

function leaf(node: PlanNode, base: number, path: string, key: string, parent: string, a: FieldAnnotations | undefined, conditional: boolean, w: Walk): Shape {
  if (node.kind === 'scalar' && !node.access.float) {
    const site: FieldSite = {
      path, key, parent, offset: base + node.offset, access: node.access, kind: siteKind(a), annotations: a, conditional, dir: direction(a),
    };
    w.sites.push(site);
    return { kind: 'site', site };
  }
  if (node.kind === 'array') {
    const elements: Shape[] = [];
    for (let i = 0; i < node.length; i++) {
      elements.push(member({ ...node.element, offset: node.offset + i * node.stride } as PlanNode, base, `${path}[${i}]`, key, parent, a, conditional, w));
    }
    return { kind: 'struct', path, members: elements };
  }
  // Bit-fields and floating point have no annotation semantics here: left as zero bytes.
  return { kind: 'opaque' };
}

function member(node: PlanNode, base: number, path: string, key: string, parent: string, a: FieldAnnotations | undefined, conditional: boolean, w: Walk): Shape {
  if (node.kind === 'struct' || node.kind === 'union') return record(node, base, path, path, conditional, w);
  return leaf(node, base, path, key, parent, a, conditional, w);
}

function record(r: RecordPlan, base: number, path: string, parent: string, conditional: boolean, w: Walk): Shape {
  const at = base + r.offset;
  const inner = conditional || r.kind === 'union';
  const parts = r.members.map((m): Shape => {
    if (m.key === undefined) {
      const n = m.node;
      return n.kind === 'struct' || n.kind === 'union' ? record(n, at, path, parent, inner, w) : { kind: 'opaque' };
    }
    return member(m.node, at, `${path}.${m.key}`, m.key, parent, m.annotations, inner, w);
  });
  return r.kind === 'union' ? { kind: 'union', path, arms: parts } : { kind: 'struct', path, members: parts };
}

/** The sites and the shape of a record plan (the root at offset 0), with paths starting at `name`. */
export function recordSites(plan: PlanNode, name: string): { sites: readonly FieldSite[]; shape: Shape } {
  const w: Walk = { sites: [] };
  if (plan.kind !== 'struct' && plan.kind !== 'union') return { sites: [], shape: { kind: 'opaque' } };
  const shape = record({ ...plan, offset: 0 }, 0, name, name, false, w);
  return { sites: w.sites, shape };
}

/** The site a user pointer's `lengthField` names: a sibling in the same record, else any field of that name. */
export function lengthSiteOf(sites: readonly FieldSite[], pointer: FieldSite): FieldSite | undefined {
  const name = pointer.annotations?.userPointer?.lengthField;
  if (name === undefined) return undefined;
  return sites.find((s) => s.key === name && s.parent === pointer.parent) ?? sites.find((s) => s.key === name);
}

export const isInputSite = (s: FieldSite): boolean => s.dir !== 'out';
export const isOutputSite = (s: FieldSite): boolean => s.dir !== 'in';

/** Which way the bytes behind a user pointer travel (the pointer field itself is an input). */
export const pointeeDir = (s: FieldSite): Direction => s.annotations?.userPointer?.dir ?? 'in';
