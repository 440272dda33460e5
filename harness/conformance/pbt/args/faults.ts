import * as fc from 'fast-check';
import type { FailureClass } from '../../../core/model/model';
import type { RuleId } from '../rules';
import { SAME_SPEC, type RecordView } from '../spec-facts/device-view';
import type { FieldSite } from '../spec-facts/field-sites';
import { unconditionalInputSites, type IoctlFacts } from '../spec-facts/ioctl-facts';
import type { SpecFacts } from '../spec-facts/spec-facts';
import { fieldMax, readSite, viewOf, writeSite } from '../world/bytes';
import { undefinedBits } from './scalar-arbitrary';

/** The kinds of single fault the spec's annotations predict an errno for. */
export type FaultKind = 'pad' | 'flag' | 'value' | 'handle' | 'pointer';

/** Exactly one thing wrong with an otherwise spec-conforming argument. */
export type Fault =
  | { readonly kind: 'pad'; readonly path: string; readonly value: bigint }
  | { readonly kind: 'flag'; readonly path: string; readonly bit: number }
  | { readonly kind: 'value'; readonly path: string; readonly value: bigint }
  | { readonly kind: 'handle'; readonly path: string; readonly pick: number }
  | { readonly kind: 'pointer'; readonly path: string; readonly placement: 'unmapped' | 'short' };

export const FAULT_KINDS: readonly FaultKind[] = ['pad', 'flag', 'value', 'handle', 'pointer'];

/** The failure class (and so the errno) each fault predicts, and the rule a wrong answer breaks. */
export const FAULT_CLASS: { readonly [K in FaultKind]: FailureClass } = {
  pad: 'nonzeroPad', flag: 'unknownFlags', value: 'badValue', handle: 'staleHandle', pointer: 'badPointer',
};
export const FAULT_RULE: { readonly [K in FaultKind]: RuleId } = {
  pad: 'D1/nonzero-pad-rejected', flag: 'D2/unknown-flag-bits-rejected', value: 'D14/unknown-value-rejected',
  handle: 'D14/stale-handle-rejected', pointer: 'D14/bad-user-pointer-efault',
};

const SITE_KIND: { readonly [K in FaultKind]: FieldSite['kind'] } = { pad: 'zero', flag: 'flags', value: 'oneOf', handle: 'handle', pointer: 'userPointer' };

/** Bits of a flags field that its group leaves undefined (and the device's spec too). */
function flagBits(facts: SpecFacts, s: FieldSite, device: RecordView): number[] {
  const g = facts.group(s.annotations?.flags ?? '');
  return g === undefined ? [] : undefinedBits(s.access.bytes, BigInt.asUintN(s.access.bytes * 8, g.mask)).filter((b) => device.bitUnknownThere(s, b));
}

/** Values of the field's width that its value set does not list (nor the device's spec). */
function valuesOutside(facts: SpecFacts, s: FieldSite, device: RecordView): bigint[] {
  const g = facts.group(s.annotations?.oneOf ?? '');
  if (g === undefined) return [];
  const bits = s.access.bytes * 8;
  const listed = new Set(g.values.map((v) => BigInt.asUintN(bits, v)));
  const max = fieldMax(s);
  const top = g.values.reduce((m, v) => (BigInt.asUintN(bits, v) > m ? BigInt.asUintN(bits, v) : m), 0n);
  const candidates = [top + 1n, top + 2n, max, max - 1n, 1n << BigInt(bits - 1)];
  for (let v = 0n; v < top && candidates.length < 12; v++) if (!listed.has(v)) candidates.push(v);
  return [...new Set(candidates.filter((v) => v >= 0n && v <= max && !listed.has(v) && device.valueUnknownThere(s, v)))];
}

/**
 * The sites of an ioctl where a fault of `kind` can go with a predictable errno: input fields outside
 * every union (inside one, which member the op reads decides whether the bytes mean anything). For an
 * older client, `device` is how the newer driver's spec sees the input record: a pad it gave a
 * meaning, a flag or a value it defined since, is no fault there.
 */
export function faultSites(facts: SpecFacts, ioctl: IoctlFacts, kind: FaultKind, device: RecordView = SAME_SPEC): FieldSite[] {
  return unconditionalInputSites(ioctl.input).filter((s) => s.kind === SITE_KIND[kind]
    && (kind !== 'pad' || device.zeroThere(s))
    && (kind !== 'flag' || flagBits(facts, s, device).length > 0)
    && (kind !== 'value' || valuesOutside(facts, s, device).length > 0));
}

/** Faults of `kind` for an ioctl, or undefined when it has no site for them. */
export function faultArb(facts: SpecFacts, ioctl: IoctlFacts, kind: FaultKind, device: RecordView = SAME_SPEC): fc.Arbitrary<Fault> | undefined {
  const sites = faultSites(facts, ioctl, kind, device);
  if (sites.length === 0) return undefined;
  return fc.constantFrom(...sites).chain((s): fc.Arbitrary<Fault> => {
    switch (kind) {
      case 'pad': return fc.bigInt({ min: 1n, max: fieldMax(s) }).map((value): Fault => ({ kind, path: s.path, value }));
      case 'flag': return fc.constantFrom(...flagBits(facts, s, device)).map((bit): Fault => ({ kind, path: s.path, bit }));
      case 'value': return fc.constantFrom(...valuesOutside(facts, s, device)).map((value): Fault => ({ kind, path: s.path, value }));
      case 'handle': return fc.nat({ max: 15 }).map((pick): Fault => ({ kind, path: s.path, pick }));
      case 'pointer': return fc.constantFrom<'unmapped' | 'short'>('unmapped', 'short').map((placement): Fault => ({ kind, path: s.path, placement }));
    }
  });
}

/** Writes a pad, flag or value fault into the argument bytes (handle and pointer faults act when the world supplies them). */
export function applyFault(ioctl: IoctlFacts, image: Uint8Array, fault: Fault): void {
  const site = ioctl.input?.sites.find((s) => s.path === fault.path);
  if (site === undefined) return;
  const view = viewOf(image);
  if (fault.kind === 'pad' || fault.kind === 'value') writeSite(view, site, fault.value);
  else if (fault.kind === 'flag') writeSite(view, site, readSite(view, site) | (1n << BigInt(fault.bit)));
}
