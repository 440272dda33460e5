import * as fc from 'fast-check';
import type { Abi } from '../../../core/layout/abi';
import { payloadLink, payloadOf, recordArb, shapeOf, type AbstractArg } from '../args/abstract-arg';
import { handlesFrom, materializeRecord, type MaterializeOptions, type Materialized } from '../args/materialize';
import { ensure, Violation } from '../rules';
import { pointeeDir } from '../spec-facts/field-sites';
import type { IoctlFacts } from '../spec-facts/ioctl-facts';
import { payloadView } from '../spec-facts/device-view';
import { specFacts, type SpecFacts } from '../spec-facts/spec-facts';
import { readSite, viewOf } from '../world/bytes';
import { CANARY, CANARY_BYTES, type System } from '../world/system';
import { DEFAULT_DEVICE, type DeviceUnderTest, type Stage } from '../../devices';
import type { SuiteContext } from './suite-property';

/** One call of the argument-level properties: an ioctl and a spec-conforming argument for it. */
export interface ArgCase {
  readonly ioctl: string;
  readonly arg: AbstractArg;
}

/** The device under test of a context (the default one unless the run names another). */
export const deviceOf = (ctx: SuiteContext): DeviceUnderTest => ctx.device ?? DEFAULT_DEVICE;

/** A fresh stage on `abi` (default the context's); a stage that cannot be built is a finding about the device. */
export function stageFor(ctx: SuiteContext, abi: Abi = ctx.abi): Stage {
  const r = deviceOf(ctx).recipe({ spec: ctx.spec, deviceSpec: ctx.deviceSpec, abi, mutations: ctx.mutations, counter: ctx.counter });
  if (r.stage === undefined) {
    throw new Violation('D14/model-expected-result', `the stage (open, create, map, submit) could not be built: ${r.issues.map((i) => i.message).join('; ')}`);
  }
  return r.stage;
}

/** Why the stage cannot be built for this context on a correct device (the property is then skipped). */
export function stageProblem(ctx: SuiteContext): string | undefined {
  try {
    const r = deviceOf(ctx).recipe({ spec: ctx.spec, deviceSpec: ctx.deviceSpec, abi: ctx.abi, counter: { ioctls: 0 } });
    return r.stage === undefined ? r.issues.map((i) => i.message).join('; ') : undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** The facts of the spec the system's device implements (the client's own, unless it is an older one). */
export function deviceFactsOf(system: System): SpecFacts {
  return specFacts(system.instance.spec, system.abi);
}

export function ioctlOf(system: System, name: string): IoctlFacts {
  const f = system.facts.ioctl(name);
  if (f === undefined) throw new Error(`no ioctl ${name} in the spec`);
  return f;
}

/** The ioctls whose input record the generator can fill (they read an argument). */
export function inputIoctls(ctx: SuiteContext): IoctlFacts[] {
  return specFacts(ctx.spec, ctx.abi).ioctls.filter((i) => i.input !== undefined);
}

/** Whether an argument (or a record its pointers carry) names a handle of one of `kinds`. */
function namesHandleOf(arg: AbstractArg, kinds: ReadonlySet<string>): boolean {
  return Object.values(arg.values).some((v) => (v.t === 'handle' && kinds.has(v.kind))
    || (v.t === 'pointer' && (v.target.elements ?? []).some((e) => namesHandleOf(e, kinds))));
}

/**
 * Leaves out the cases that need a live handle of a kind the stage cannot make with the client's
 * spec (see the device's outOfReach): there is none to send, and an invented value would test nothing the
 * spec says. With the current spec every kind is in reach and the arbitrary is returned as it is.
 */
export function withinReach<T extends ArgCase>(ctx: SuiteContext, arb: fc.Arbitrary<T>): fc.Arbitrary<T> {
  const kinds = deviceOf(ctx).outOfReach(specFacts(ctx.spec, ctx.abi));
  return kinds.size === 0 ? arb : arb.filter((c) => !namesHandleOf(c.arg, kinds));
}

/** Spec-conforming calls of any ioctl that reads an argument. */
export function argCaseArb(ctx: SuiteContext, among: readonly IoctlFacts[] = inputIoctls(ctx)): fc.Arbitrary<ArgCase> {
  const facts = specFacts(ctx.spec, ctx.abi);
  return withinReach(ctx, fc.constantFrom(...among).chain((i) => recordArb(facts, i.input?.name ?? '').map((arg): ArgCase => ({ ioctl: i.name, arg }))));
}

/** The argument of a case placed in the stage's calling process, with its own live handles. */
export function materializeCase(fx: Stage, c: ArgCase, extra: Partial<MaterializeOptions> = {}): Materialized {
  return materializeRecord(fx.system, fx.own, c.arg, { handle: handlesFrom(fx.live), ...extra });
}

/** Buffers the kernel writes (out, inout) keep their canaries: nothing was written past the length the caller gave. */
export function checkBufferCanaries(fx: Stage, ioctl: string, m: Materialized): void {
  for (const b of m.buffers) {
    if (b.dir === 'in' || !b.guarded) continue;
    const after = fx.system.read(fx.own, b.address + b.length, CANARY_BYTES);
    const bad = after === undefined ? 0 : after.findIndex((x) => x !== CANARY);
    ensure(bad < 0, 'no-write-past-caller-length', () => `${ioctl} wrote byte ${b.length + bad} of the ${b.length}-byte buffer at ${b.path}`);
  }
}

/**
 * After a successful call whose selector picked a payload the kernel writes back (an INFO answer):
 * the pad and reserved fields of the payload, as far as the caller's buffer holds it, are zero.
 */
export function checkPayloadPads(fx: Stage, c: ArgCase, m: Materialized, errno: number): void {
  if (errno !== 0) return;
  const facts = fx.system.facts;
  const ioctl = facts.ioctl(c.ioctl);
  const link = ioctl?.input !== undefined ? payloadLink(facts, ioctl.input.sites) : undefined;
  if (link === undefined || pointeeDir(link.pointer) === 'in') return;
  const selected = c.arg.values[link.selector.path];
  const payload = payloadOf(facts, link, selected);
  const shape = payload !== undefined ? shapeOf(facts, payload) : undefined;
  const buffer = m.buffers.find((b) => b.path === link.pointer.path);
  if (shape === undefined || buffer === undefined || selected?.t !== 'v') return;
  const bytes = fx.system.read(fx.own, buffer.address, buffer.length);
  if (bytes === undefined) return;
  const view = viewOf(bytes);
  // An older client's pad may carry a meaning on the newer driver (hw_ip_info.pad -> security_enabled).
  const device = payloadView(facts, deviceFactsOf(fx.system), link.selector.annotations?.oneOf ?? '', selected.v);
  for (const s of shape.sites) {
    if (s.kind !== 'zero' || s.conditional || s.offset + s.access.bytes > bytes.length || !device.zeroThere(s)) continue;
    const v = readSite(view, s);
    ensure(v === 0n, 'no-info-leak-through-padding', () => `${c.ioctl} answered ${payload ?? ''} with ${s.path} = 0x${v.toString(16)}`);
  }
}
