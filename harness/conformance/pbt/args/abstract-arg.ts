import * as fc from 'fast-check';
import { codecFor } from '../../../core/codec';
import type { FieldSite, Shape } from '../spec-facts/field-sites';
import { lengthSiteOf, pointeeDir, recordSites } from '../spec-facts/field-sites';
import type { SpecFacts } from '../spec-facts/spec-facts';
import { flagWord, plainScalar } from './scalar-arbitrary';

/**
 * One field's value in an argument before it meets a device: a number, or something only a live
 * world can supply (a handle of a kind, a user buffer, the length of that buffer). Plain data, so
 * that a counterexample can be written to a failure file and replayed.
 */
export type AbstractScalar =
  | { readonly t: 'v'; readonly v: bigint }
  | { readonly t: 'handle'; readonly kind: string; readonly pick: number }
  | { readonly t: 'pointer'; readonly target: PointerTarget }
  | { readonly t: 'length'; readonly of: string }
  | { readonly t: 'size' };

/** What a user pointer points to. */
export interface PointerTarget {
  /** Elements of a record `elementType`. */
  readonly elements?: readonly AbstractArg[];
  /** Elements of a scalar `elementType` (sequence numbers, engine ids). */
  readonly words?: readonly bigint[];
  /** A plain buffer of this many bytes (no element type: an answer buffer, a byte array). */
  readonly bytes?: number;
}

/** An argument record: a value per field path, for the union members the generator chose. */
export interface AbstractArg {
  readonly record: string;
  readonly values: Readonly<Record<string, AbstractScalar>>;
}

type Values = Record<string, AbstractScalar>;

const BUFFER_BYTES = [0, 1, 4, 8, 16, 24, 40, 64, 256, 4096];

/** Scalar element types have codecs too (`__u64`); their width decides the array stride. */
function scalarWidth(facts: SpecFacts, name: string): number | undefined {
  const c = codecFor(facts.spec, facts.abi, name);
  return c !== undefined && c.plan.kind === 'scalar' ? c.size : undefined;
}

function pointerArb(facts: SpecFacts, site: FieldSite, depth: number): fc.Arbitrary<AbstractScalar> {
  const up = site.annotations?.userPointer;
  const element = up?.elementType;
  if (element !== undefined && depth < 2 && facts.spec.records.some((r) => r.name === element)) {
    return fc.array(recordArb(facts, element, depth + 1), { minLength: 0, maxLength: 3 })
      .map((elements): AbstractScalar => ({ t: 'pointer', target: { elements } }));
  }
  if (element !== undefined && scalarWidth(facts, element) !== undefined) {
    const bits = BigInt((scalarWidth(facts, element) ?? 8) * 8);
    return fc.array(fc.bigInt({ min: 0n, max: (1n << bits) - 1n }), { maxLength: 4 }).map((words): AbstractScalar => ({ t: 'pointer', target: { words } }));
  }
  return fc.oneof(fc.constantFrom(...BUFFER_BYTES), fc.integer({ min: 1, max: 8192 }))
    .map((bytes): AbstractScalar => ({ t: 'pointer', target: { bytes } }));
}

/**
 * A value a spec-conforming caller could send in one field: pad and reserved zero, flags from the
 * field's group, values from its value set, a live handle of its kind, a mapped buffer for a user
 * pointer; plain numbers biased to boundaries. Output-only fields are zero.
 */
function siteArb(facts: SpecFacts, site: FieldSite, depth: number): fc.Arbitrary<AbstractScalar> {
  const v = (a: fc.Arbitrary<bigint>): fc.Arbitrary<AbstractScalar> => a.map((x): AbstractScalar => ({ t: 'v', v: x }));
  const a = site.annotations;
  switch (site.kind) {
    case 'zero': return fc.constant({ t: 'v', v: 0n });
    case 'flags': {
      const g = facts.group(a?.flags ?? '');
      return v(g !== undefined ? flagWord(g.values.map((x) => BigInt.asUintN(site.access.bytes * 8, x))) : plainScalar(site.access, facts.boundaries));
    }
    case 'oneOf': {
      const g = facts.group(a?.oneOf ?? '');
      return v(g !== undefined && g.values.length > 0 ? fc.constantFrom(...g.values) : plainScalar(site.access, facts.boundaries));
    }
    case 'handle': return fc.nat({ max: 15 }).map((pick): AbstractScalar => ({ t: 'handle', kind: a?.handle ?? '', pick }));
    case 'userPointer': return pointerArb(facts, site, depth);
    case 'sizeOfStruct': return fc.constant({ t: 'size' });
    case 'plain': return site.dir === 'out' ? fc.constant({ t: 'v', v: 0n }) : v(plainScalar(site.access, facts.boundaries));
  }
}

function shapeArb(facts: SpecFacts, shape: Shape, depth: number): fc.Arbitrary<Values> {
  switch (shape.kind) {
    case 'opaque': return fc.constant({});
    case 'site': return siteArb(facts, shape.site, depth).map((x) => ({ [shape.site.path]: x }));
    case 'struct':
      if (shape.members.length === 0) return fc.constant({});
      return fc.tuple(...shape.members.map((m) => shapeArb(facts, m, depth))).map((parts) => Object.assign({}, ...parts) as Values);
    case 'union':
      return shape.arms.length === 0 ? fc.constant({}) : fc.oneof(...shape.arms.map((m) => shapeArb(facts, m, depth)));
  }
}

const recordShapes = new WeakMap<SpecFacts, Map<string, { sites: readonly FieldSite[]; shape: Shape }>>();

/** Sites and shape of a record of the spec, by name (cached per facts). */
export function shapeOf(facts: SpecFacts, record: string): { sites: readonly FieldSite[]; shape: Shape } | undefined {
  let m = recordShapes.get(facts);
  if (m === undefined) {
    m = new Map();
    recordShapes.set(facts, m);
  }
  let s = m.get(record);
  if (s === undefined) {
    const codec = codecFor(facts.spec, facts.abi, record);
    if (codec === undefined) return undefined;
    s = recordSites(codec.plan, record);
    m.set(record, s);
  }
  return s;
}

/**
 * Where a record's value set selects a payload (an INFO opcode and the struct it answers with): the
 * selecting field and the pointer the payload travels through. The spec does not say which pointer;
 * the convention is the record's first user pointer (INFO's return_pointer, DEBUG's input_ptr).
 */
export interface PayloadLink {
  readonly selector: FieldSite;
  readonly pointer: FieldSite;
}

export function payloadLink(facts: SpecFacts, sites: readonly FieldSite[]): PayloadLink | undefined {
  const pointer = sites.find((x) => x.kind === 'userPointer' && !x.conditional);
  const selector = sites.find((x) => x.kind === 'oneOf' && !x.conditional && (facts.group(x.annotations?.oneOf ?? '')?.payloads.some((p) => p !== undefined) ?? false));
  return pointer !== undefined && selector !== undefined ? { selector, pointer } : undefined;
}

/** The payload type the selector's value picks, if any. */
export function payloadOf(facts: SpecFacts, link: PayloadLink, value: AbstractScalar | undefined): string | undefined {
  if (value?.t !== 'v') return undefined;
  const g = facts.group(link.selector.annotations?.oneOf ?? '');
  const i = g?.values.findIndex((v) => BigInt.asUintN(link.selector.access.bytes * 8, v) === value.v) ?? -1;
  return i >= 0 ? g?.payloads[i] : undefined;
}

/**
 * The payload pointer's target for the selected payload: an answer buffer around the payload's size
 * (smaller, exact, larger: the kernel clamps to what the caller gave), or the payload struct itself
 * for a pointer the kernel reads.
 */
function payloadTarget(facts: SpecFacts, link: PayloadLink, payload: string, depth: number): fc.Arbitrary<AbstractScalar> | undefined {
  const size = codecFor(facts.spec, facts.abi, payload)?.size;
  if (size === undefined) return undefined;
  if (pointeeDir(link.pointer) === 'out') {
    return fc.oneof(fc.constantFrom(size, size - 1, size + 8, 8), fc.integer({ min: 1, max: size }))
      .map((bytes): AbstractScalar => ({ t: 'pointer', target: { bytes: Math.max(1, bytes) } }));
  }
  return recordArb(facts, payload, depth + 1).map((e): AbstractScalar => ({ t: 'pointer', target: { elements: [e] } }));
}

/**
 * Annotation-respecting arguments of a record: one member of each union, every user pointer's
 * length field tied to what the pointer gets, and a payload pointer sized or filled for the payload
 * its selector picks.
 */
export function recordArb(facts: SpecFacts, record: string, depth = 0): fc.Arbitrary<AbstractArg> {
  const s = shapeOf(facts, record);
  if (s === undefined) return fc.constant({ record, values: {} });
  const link = payloadLink(facts, s.sites);
  const tie = (values: Values): AbstractArg => {
    const out: Values = { ...values };
    for (const site of s.sites) {
      const x = out[site.path];
      if (site.kind !== 'userPointer' || x === undefined) continue;
      const len = lengthSiteOf(s.sites, site);
      if (len !== undefined) out[len.path] = { t: 'length', of: site.path };
    }
    return { record, values: out };
  };
  const base = shapeArb(facts, s.shape, depth);
  if (link === undefined) return base.map(tie);
  return base.chain((values) => {
    const payload = payloadOf(facts, link, values[link.selector.path]);
    const target = payload !== undefined ? payloadTarget(facts, link, payload, depth) : undefined;
    if (target === undefined) return fc.constant(tie(values));
    return fc.oneof({ weight: 4, arbitrary: target }, { weight: 1, arbitrary: fc.constant(values[link.pointer.path]) })
      .map((p) => tie(p === undefined ? values : { ...values, [link.pointer.path]: p }));
  });
}
