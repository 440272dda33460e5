import { shapeOf } from '../args/abstract-arg';
import type { FieldSite } from '../spec-facts/field-sites';
import type { SpecFacts } from '../spec-facts/spec-facts';
import { specFacts } from '../spec-facts/spec-facts';
import type { SuiteContext } from '../properties/suite-property';
import { arrayOf, big, int, literal, object, str, tagged, type Check } from './data-schema';

// Far above anything the generators make (picks below 16, buffers up to 8 KiB, three elements):
// a bound only keeps a damaged file from asking for gigabytes.
const MAX_PICK = 2 ** 31 - 1;
const MAX_BUFFER = 1 << 24;

/** The range a field's value may take: its width, read as signed or unsigned. */
function fieldRange(site: FieldSite): [bigint, bigint] {
  const bits = BigInt(site.access.bytes * 8);
  return [-(1n << (bits - 1n)), (1n << bits) - 1n];
}

function sitesOf(facts: SpecFacts, record: string): Map<string, FieldSite> | undefined {
  const s = shapeOf(facts, record);
  return s === undefined ? undefined : new Map(s.sites.map((x) => [x.path, x]));
}

/** An AbstractArg of `record`: every key a field of it, every value one that field can hold. */
export function abstractArgSchema(facts: SpecFacts, record: string, depth = 0): Check {
  return (v, path, out) => {
    const sites = sitesOf(facts, record);
    if (sites === undefined) { out.push({ path, message: `the spec has no struct or union ${record}` }); return; }
    const value = (site: FieldSite): Check => {
      const [min, max] = fieldRange(site);
      const element = site.annotations?.userPointer?.elementType;
      const target = object({
        // Elements only of a record the pointer's elementType names (and never nested without end).
        elements: element !== undefined && sitesOf(facts, element) !== undefined && depth < 3 ? arrayOf(abstractArgSchema(facts, element, depth + 1), 64) : arrayOf(() => undefined, 0),
        words: arrayOf(big(0n, (1n << 64n) - 1n), 4096),
        bytes: int(0, MAX_BUFFER),
      }, ['elements', 'words', 'bytes']);
      return tagged('t', {
        v: object({ t: str, v: big(min, max) }),
        handle: object({ t: str, kind: str, pick: int(0, MAX_PICK) }),
        pointer: object({ t: str, target }),
        length: object({ t: str, of: literal(...[...sites.values()].filter((s) => s.kind === 'userPointer').map((s) => s.path)) }),
        size: object({ t: str }),
      });
    };
    const fields = Object.fromEntries([...sites.values()].map((s) => [s.path, value(s)]));
    object({ record: literal(record), values: object(fields, [...sites.keys()]) })(v, path, out);
  };
}

/** The input record an ioctl's argument case names; undefined when the ioctl reads none. */
function inputRecordOf(facts: SpecFacts, ioctl: unknown): string | undefined {
  return typeof ioctl === 'string' ? facts.ioctl(ioctl)?.input?.name : undefined;
}

/**
 * An ArgCase ({ioctl, arg}) of the context's spec, plus the keys of a property's own case (`extra`,
 * given the input record's fields): the ioctl reads an argument, the argument is of its record.
 */
export function argCaseSchema(ctx: SuiteContext, extra: (sites: ReadonlyMap<string, FieldSite>) => Readonly<Record<string, Check>> = () => ({})): Check {
  const facts = specFacts(ctx.spec, ctx.abi);
  const ioctls = facts.ioctls.filter((i) => i.input !== undefined).map((i) => i.name);
  return (v, path, out) => {
    const o = v !== null && typeof v === 'object' ? v as Record<string, unknown> : {};
    const record = inputRecordOf(facts, o['ioctl']);
    if (record === undefined) {
      literal(...ioctls)(o['ioctl'], [...path, 'ioctl'], out);
      return;
    }
    const sites = sitesOf(facts, record) ?? new Map<string, FieldSite>();
    object({ ioctl: str, arg: abstractArgSchema(facts, record), ...extra(sites) })(v, path, out);
  };
}

/** The `fault` of a FaultCase: a kind, a field of the input record, a value that field can hold. */
export function faultSchema(sites: ReadonlyMap<string, FieldSite>): Check {
  return (v, path, out) => {
    const o = v !== null && typeof v === 'object' ? v as Record<string, unknown> : {};
    const site = typeof o['path'] === 'string' ? sites.get(o['path']) : undefined;
    const p = literal(...sites.keys());
    if (site === undefined) { p(o['path'], [...path, 'path'], out); return; }
    const [min, max] = fieldRange(site);
    const bits = site.access.bytes * 8;
    tagged('kind', {
      pad: object({ kind: str, path: p, value: big(1n, max) }),
      flag: object({ kind: str, path: p, bit: int(0, bits - 1) }),
      value: object({ kind: str, path: p, value: big(min, max) }),
      handle: object({ kind: str, path: p, pick: int(0, MAX_PICK) }),
      pointer: object({ kind: str, path: p, placement: literal('unmapped', 'short') }),
    })(v, path, out);
  };
}
