import { argCaseArb, checkBufferCanaries, checkPayloadPads, stageFor, stageProblem, inputIoctls, ioctlOf, materializeCase, type ArgCase } from './arg-case';
import type { SuiteProperty } from './suite-property';
import { argCaseSchema } from '../data/arg-case-schema';

/**
 * Calls a spec-conforming caller could make, on every ioctl: whatever the device answers, it is an
 * errno the ioctl's spec declares, the answer's pad and reserved bytes are zero, and nothing is
 * written past the argument or past any buffer the call names (checked by System.call and here).
 */
export const conformingCalls: SuiteProperty<ArgCase> = {
  id: 'D14/declared-errno',
  states: 'every spec-conforming call of every ioctl returns a declared errno, leaks nothing through padding and writes nothing past the caller\'s lengths',
  abis: 'each',
  skip: (ctx) => (inputIoctls(ctx).length === 0 ? 'the spec has no ioctl that reads an argument' : stageProblem(ctx)),
  arbitrary: (ctx) => argCaseArb(ctx),
  check(ctx, c) {
    const fx = stageFor(ctx);
    const ioctl = ioctlOf(fx.system, c.ioctl);
    const m = materializeCase(fx, c);
    const r = fx.system.call(fx.own, ioctl, m.image);
    checkBufferCanaries(fx, c.ioctl, m);
    checkPayloadPads(fx, c, m, r.errno);
  },
  toData: (c) => c,
  fromData: (d) => d as ArgCase,
  dataSchema: (ctx) => argCaseSchema(ctx),
};
