import { errnoName } from '../../../../emulator/errno';
import { Violation } from '../rules';
import { checkBufferCanaries, stageFor, stageProblem, ioctlOf, materializeCase } from './arg-case';
import { describeFault, faultCaseArb, hasFaultSites, type FaultCase } from './single-fault';
import type { SuiteProperty } from './suite-property';
import { argCaseSchema, faultSchema } from '../data/arg-case-schema';

/**
 * User pointers outside unions: where the call succeeds with a mapped buffer, an unmapped buffer (or
 * one whose last byte is unmapped) fails with the badPointer errno, or succeeds when the op does not
 * touch the buffer (or, for a short one, touches less of it). Nothing else is acceptable, and no call
 * writes past the length it was given.
 */
export const pointerFault: SuiteProperty<FaultCase> = {
  id: 'D14/bad-user-pointer-efault',
  states: 'an unmapped or short user buffer fails with the badPointer errno wherever a mapped one succeeds',
  abis: 'each',
  skip: (ctx) => (hasFaultSites(ctx, 'pointer') ? stageProblem(ctx) : 'no user pointer outside a union in any ioctl argument'),
  arbitrary: (ctx) => faultCaseArb(ctx, 'pointer'),
  check(ctx, c) {
    if (c.fault.kind !== 'pointer') return;
    const placement = c.fault.placement;
    const path = c.fault.path;
    const base = stageFor(ctx);
    const ioctl = ioctlOf(base.system, c.ioctl);
    const bm = materializeCase(base, c);
    const b = base.system.call(base.own, ioctl, bm.image).errno;
    checkBufferCanaries(base, c.ioctl, bm);
    if (b !== 0) return;
    const fx = stageFor(ctx);
    const m = materializeCase(fx, c, { placement: (p) => (p === path ? placement : 'normal') });
    const v = fx.system.call(fx.own, ioctl, m.image).errno;
    checkBufferCanaries(fx, c.ioctl, m);
    const p = ioctl.errnoOf('badPointer');
    if (v !== p && v !== 0) throw new Violation('D14/bad-user-pointer-efault', `${c.ioctl} with ${describeFault(c.fault)} gave ${errnoName(v)}, expected ${errnoName(p)}`);
  },
  toData: (c) => c,
  fromData: (d) => d as FaultCase,
  dataSchema: (ctx) => argCaseSchema(ctx, (sites) => ({ fault: faultSchema(sites) })),
};
