import { codecFor } from '../../../core/codec';
import type { FailureClass } from '../../../core/model/model';
import { recordSites, type FieldSite } from './field-sites';
import type { IoctlFacts } from './ioctl-facts';
import type { SpecFacts } from './spec-facts';

/**
 * How the device's spec sees the bytes of one of the client's records. An older client runs against
 * a newer driver: what its spec calls pad may have been given a meaning since, a flag bit or a value
 * it calls unknown may have been defined since (compatible evolution, by the kernel's rules). The
 * client's spec still gives the layout and the errno; a fault or a padding check stands only where
 * the device's spec agrees that the bytes are pad, the bit undefined, the value unknown. With one spec
 * for both sides every answer is yes.
 */
export interface RecordView {
  /** Every byte of the client's site is pad or reserved, outside unions, in the device's record. */
  zeroThere(site: FieldSite): boolean;
  /** The device's record has a flags field at the same place and `bit` is none of its flags. */
  bitUnknownThere(site: FieldSite, bit: number): boolean;
  /** The device's record has a value field at the same place and `value` is outside its value set. */
  valueUnknownThere(site: FieldSite, value: bigint): boolean;
}

/** The view when client and device share a spec. */
export const SAME_SPEC: RecordView = { zeroThere: () => true, bitUnknownThere: () => true, valueUnknownThere: () => true };

/** Nothing on the device's side (a record it does not have): no fault or padding claim stands. */
const NOTHING: RecordView = { zeroThere: () => false, bitUnknownThere: () => false, valueUnknownThere: () => false };

const overlaps = (a: FieldSite, b: FieldSite): boolean => a.offset < b.offset + b.access.bytes && b.offset < a.offset + a.access.bytes;
const samePlace = (a: FieldSite, b: FieldSite): boolean => a.offset === b.offset && a.access.bytes === b.access.bytes;

function viewOver(device: SpecFacts, sites: readonly FieldSite[]): RecordView {
  const at = (site: FieldSite): FieldSite | undefined => sites.find((d) => !d.conditional && samePlace(d, site));
  return {
    zeroThere(site) {
      const covering = sites.filter((d) => overlaps(d, site));
      return covering.length > 0 && covering.every((d) => d.kind === 'zero' && !d.conditional);
    },
    bitUnknownThere(site, bit) {
      const d = at(site);
      const g = d?.kind === 'flags' ? device.group(d.annotations?.flags ?? '') : undefined;
      return g !== undefined && (BigInt.asUintN(site.access.bytes * 8, g.mask) & (1n << BigInt(bit))) === 0n;
    },
    valueUnknownThere(site, value) {
      const d = at(site);
      const g = d?.kind === 'oneOf' ? device.group(d.annotations?.oneOf ?? '') : undefined;
      const bits = site.access.bytes * 8;
      return g !== undefined && !g.values.some((v) => BigInt.asUintN(bits, v) === BigInt.asUintN(bits, value));
    },
  };
}

/** The device's ioctl answering the client's: by name, else by type and nr (the driver dispatches on nr). */
export function deviceIoctl(device: SpecFacts, ioctl: IoctlFacts): IoctlFacts | undefined {
  return device.ioctl(ioctl.name) ?? device.ioctls.find((d) => d.decl.type === ioctl.decl.type && d.decl.nr === ioctl.decl.nr);
}

/** The device's view of the client ioctl's input record (what the driver reads). */
export function inputView(client: SpecFacts, device: SpecFacts, ioctl: IoctlFacts): RecordView {
  if (client.spec === device.spec) return SAME_SPEC;
  const sites = deviceIoctl(device, ioctl)?.input?.sites;
  return sites === undefined ? NOTHING : viewOver(device, sites);
}

/** The device's view of the client ioctl's output record (what the driver writes back). */
export function outputView(client: SpecFacts, device: SpecFacts, ioctl: IoctlFacts): RecordView {
  if (client.spec === device.spec) return SAME_SPEC;
  const sites = deviceIoctl(device, ioctl)?.output?.sites;
  return sites === undefined ? NOTHING : viewOver(device, sites);
}

const recordCache = new WeakMap<SpecFacts, Map<string, readonly FieldSite[] | undefined>>();

function sitesOfRecord(facts: SpecFacts, name: string): readonly FieldSite[] | undefined {
  let m = recordCache.get(facts);
  if (m === undefined) {
    m = new Map();
    recordCache.set(facts, m);
  }
  if (!m.has(name)) {
    const codec = codecFor(facts.spec, facts.abi, name);
    m.set(name, codec === undefined ? undefined : recordSites(codec.plan, name).sites);
  }
  return m.get(name);
}

/**
 * The device's view of a payload the client selected with `value` in a field whose value set is
 * `group` (an INFO opcode and its answer struct): the device's payload for the same value.
 */
export function payloadView(client: SpecFacts, device: SpecFacts, group: string, value: bigint): RecordView {
  if (client.spec === device.spec) return SAME_SPEC;
  const g = device.group(group);
  const i = g?.values.findIndex((v) => v === value) ?? -1;
  const payload = i >= 0 ? g?.payloads[i] : undefined;
  const sites = payload !== undefined ? sitesOfRecord(device, payload) : undefined;
  return sites === undefined ? NOTHING : viewOver(device, sites);
}

/**
 * Whether an errno the client's spec does not declare for the ioctl is still its answer by the
 * spec's own rule: the client's errno table leaves a failure class out (so the DRM convention gives
 * that class's errno, see expectedErrno) and the driver's spec declares that class with that same
 * errno. A newer header documenting a failure an older one was silent about (CS's privileged ->
 * EPERM, declared after the 1.x releases were frozen) changes no answer an older binary gets.
 */
export function declaredByConvention(client: IoctlFacts, device: SpecFacts, errno: number): boolean {
  const d = deviceIoctl(device, client);
  if (d === undefined || d.decl === client.decl) return false;
  return (Object.keys(d.decl.errno ?? {}) as FailureClass[])
    .some((cls) => client.decl.errno?.[cls] === undefined && d.errnoOf(cls) === errno && client.errnoOf(cls) === errno);
}
