import { errnoName } from '../../../../emulator/errno';
import { ensure, Violation } from '../rules';
import { specFacts } from '../spec-facts/spec-facts';
import { viewOf, writeSite } from '../world/bytes';
import type { Stage } from '../../devices/device-under-test';
import { stageFor, stageProblem, ioctlOf, materializeCase } from './arg-case';
import { faultCaseArb, hasFaultSites, type FaultCase } from './single-fault';
import type { SuiteContext, SuiteProperty } from './suite-property';
import { argCaseSchema, faultSchema } from '../data/arg-case-schema';

/** A handle of the kind that is not this file's live one: destroyed here, or live in the other file. */
function otherHandle(fx: Stage, kind: string, pick: number, which: 'stale' | 'foreign'): bigint | undefined {
  const list = (which === 'stale' ? fx.stale : fx.foreign).get(kind) ?? [];
  if (list.length === 0) return which === 'stale' ? 0xdead0000n + BigInt(pick) : undefined;
  return list[pick % list.length];
}

/** The call of the case in a fresh stage, with the handle field replaced (or not); its errno. */
function run(ctx: SuiteContext, c: FaultCase, which: 'live' | 'stale' | 'foreign'): { errno: number } | undefined {
  const fx = stageFor(ctx);
  const ioctl = ioctlOf(fx.system, c.ioctl);
  const m = materializeCase(fx, c);
  if (which !== 'live' && c.fault.kind === 'handle') {
    const site = ioctl.input?.sites.find((s) => s.path === c.fault.path);
    const kind = site?.annotations?.handle ?? '';
    const h = otherHandle(fx, kind, c.fault.pick, which);
    // Per-file numbers (sequence numbers) can be another file's and this file's at once: no witness.
    if (site === undefined || h === undefined || (fx.live.get(kind) ?? []).includes(h)) return undefined;
    writeSite(viewOf(m.image), site, h);
  }
  return fx.system.call(fx.own, ioctl, m.image);
}

/**
 * Stale and foreign handles, in handle fields outside unions. Whether a call reads its handle field
 * depends on the op (CB create ignores cb_handle), so the stale handle is the witness: when the call
 * succeeds with a live handle, a stale one must fail with the staleHandle errno or, if the op ignores
 * the field, change nothing; and a foreign one (live in another file) must then do exactly the same,
 * with the foreignHandle errno. Each of the three calls runs in its own identical stage.
 */
export const handleFault: SuiteProperty<FaultCase> = {
  id: 'no-cross-context-handle-use',
  states: 'a destroyed handle fails with the staleHandle errno and another file\'s live handle with the foreignHandle errno wherever a live one succeeds',
  abis: 'each',
  skip: (ctx) => (hasFaultSites(ctx, 'handle') ? stageProblem(ctx) : 'no handle field outside a union in any ioctl argument'),
  arbitrary: (ctx) => faultCaseArb(ctx, 'handle'),
  check(ctx, c) {
    const baseline = run(ctx, c, 'live');
    if (baseline === undefined || baseline.errno !== 0) return;
    const facts = specFacts(ctx.spec, ctx.abi).ioctl(c.ioctl);
    if (facts === undefined) return;
    const pStale = facts.errnoOf('staleHandle');
    const pForeign = facts.errnoOf('foreignHandle');
    const stale = run(ctx, c, 'stale');
    if (stale === undefined) return;
    if (stale.errno !== 0 && stale.errno !== pStale) {
      throw new Violation('D14/stale-handle-rejected', `${c.ioctl} with a destroyed handle in ${c.fault.path} gave ${errnoName(stale.errno)}, expected ${errnoName(pStale)}`);
    }
    const foreign = run(ctx, c, 'foreign');
    if (foreign === undefined) return;
    const expected = stale.errno === 0 ? 0 : pForeign;
    ensure(foreign.errno === expected, 'no-cross-context-handle-use', () => `${c.ioctl} with another file's live handle in ${c.fault.path} gave ${errnoName(foreign.errno)}, expected ${errnoName(expected)}${stale.errno === 0 ? ' (the op ignores the field: a destroyed handle succeeds too)' : ''}`);
  },
  toData: (c) => c,
  fromData: (d) => d as FaultCase,
  dataSchema: (ctx) => argCaseSchema(ctx, (sites) => ({ fault: faultSchema(sites) })),
};
