import * as fc from 'fast-check';
import { errnoName } from '../../../../emulator/errno';
import { recordArb } from '../args/abstract-arg';
import { applyFault, FAULT_CLASS, FAULT_RULE, faultArb, type Fault, type FaultKind } from '../args/faults';
import { ensure, Violation } from '../rules';
import { inputView } from '../spec-facts/device-view';
import type { IoctlFacts } from '../spec-facts/ioctl-facts';
import { specFacts } from '../spec-facts/spec-facts';
import { stageFor, stageProblem, inputIoctls, ioctlOf, materializeCase, withinReach, type ArgCase } from './arg-case';
import type { SuiteContext, SuiteProperty } from './suite-property';
import { argCaseSchema, faultSchema } from '../data/arg-case-schema';

/** A conforming call with exactly one fault. */
export interface FaultCase extends ArgCase {
  readonly fault: Fault;
}

export const describeFault = (f: Fault): string => {
  switch (f.kind) {
    case 'pad': return `${f.path} = 0x${f.value.toString(16)}`;
    case 'flag': return `bit ${f.bit} set in ${f.path}`;
    case 'value': return `${f.path} = ${f.value}`;
    case 'handle': return `a stale or foreign handle in ${f.path}`;
    case 'pointer': return `${f.path} ${f.placement === 'unmapped' ? 'unmapped' : 'with its last byte unmapped'}`;
  }
};

/** Faults of `kind` in the ioctl's argument that are faults for the device's spec too (see RecordView). */
function faultsOf(ctx: SuiteContext, ioctl: IoctlFacts, kind: FaultKind): fc.Arbitrary<Fault> | undefined {
  const facts = specFacts(ctx.spec, ctx.abi);
  return faultArb(facts, ioctl, kind, inputView(facts, specFacts(ctx.deviceSpec, ctx.abi), ioctl));
}

/** Calls of the ioctls that have a site for faults of `kind`, each with one such fault. */
export function faultCaseArb(ctx: SuiteContext, kind: FaultKind): fc.Arbitrary<FaultCase> {
  const facts = specFacts(ctx.spec, ctx.abi);
  const eligible = inputIoctls(ctx).flatMap((i) => {
    const f = faultsOf(ctx, i, kind);
    return f === undefined ? [] : [{ i, f }];
  });
  return withinReach(ctx, fc.constantFrom(...eligible).chain(({ i, f }) =>
    fc.tuple(recordArb(facts, i.input?.name ?? ''), f).map(([arg, fault]): FaultCase => ({ ioctl: i.name, arg, fault }))));
}

export function hasFaultSites(ctx: SuiteContext, kind: FaultKind): boolean {
  return inputIoctls(ctx).some((i) => faultsOf(ctx, i, kind) !== undefined);
}

/**
 * D1, D2 and unknown values: a fault in a field outside every union must fail with the errno the
 * spec declares for its class, and change nothing; or, when the call without the fault fails too,
 * with that call's errno (the driver may check the other problem first: D6 allows one failure per
 * call, not an order).
 */
function strictFault(kind: 'pad' | 'flag' | 'value', id: string, states: string): SuiteProperty<FaultCase> {
  return {
    id, states, abis: 'each',
    skip: (ctx) => (hasFaultSites(ctx, kind) ? stageProblem(ctx) : `no ${kind} site outside a union in any ioctl argument`),
    arbitrary: (ctx) => faultCaseArb(ctx, kind),
    check(ctx, c) {
      const fx = stageFor(ctx);
      const ioctl = ioctlOf(fx.system, c.ioctl);
      const m = materializeCase(fx, c);
      const variant = m.image.slice();
      applyFault(ioctl, variant, c.fault);
      const predicted = ioctl.errnoOf(FAULT_CLASS[kind]);
      const before = fx.system.instance.digest();
      const v = fx.system.call(fx.own, ioctl, variant).errno;
      if (v === predicted) {
        const after = fx.system.instance.digest();
        ensure(after === before, 'no-side-effect-on-failure', () => `${c.ioctl} with ${describeFault(c.fault)} failed but changed the device: ${before} -> ${after}`);
        return;
      }
      if (v === 0) throw new Violation(FAULT_RULE[kind], `${c.ioctl} accepted ${describeFault(c.fault)} (expected ${errnoName(predicted)})`);
      const b = fx.system.call(fx.own, ioctl, m.image).errno;
      ensure(b === v, 'D6/one-fault-exact-errno', () => `${c.ioctl} with ${describeFault(c.fault)} gave ${errnoName(v)}: expected ${errnoName(predicted)}${b !== 0 ? ` or ${errnoName(b)} (the call without the fault)` : ' (the call without the fault succeeds)'}`);
    },
    toData: (c) => c,
    fromData: (d) => d as FaultCase,
    dataSchema: (ctx) => argCaseSchema(ctx, (sites) => ({ fault: faultSchema(sites) })),
  };
}

export const padFault = strictFault('pad', 'D1/nonzero-pad-rejected', 'a non-zero pad or reserved input field fails with the spec\'s nonzeroPad errno');
export const flagFault = strictFault('flag', 'D2/unknown-flag-bits-rejected', 'each flag bit outside the field\'s flag group fails with the spec\'s unknownFlags errno');
export const valueFault = strictFault('value', 'D14/unknown-value-rejected', 'a value outside the field\'s value set (unknown opcode or enum value) fails with the spec\'s badValue errno');
