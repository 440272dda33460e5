import test from 'ava';
import * as fc from 'fast-check';
import { findAbi, type Abi } from '../../../core/layout/abi';
import { referenceRelease } from '../../../testing/reference-releases';
import type { Spec } from '../../../core/model/model';
import { spec as current } from '../../../../specs/habanalabs/spec';
import type { AbstractArg } from '../../pbt/args/abstract-arg';
import { argCaseArb } from '../../pbt/properties/arg-case';
import type { SuiteContext } from '../../pbt/properties/suite-property';
import type { Stage } from '../device-under-test';
import { buildStage } from './stage';

const x86 = findAbi('x86_64') as Abi;
const release = referenceRelease;

function stage(client: Spec): Stage {
  const r = buildStage({ spec: client, deviceSpec: current, abi: x86 });
  if (r.stage === undefined) throw new Error(r.issues.map((i) => i.message).join('; '));
  return r.stage;
}

const counts = (m: ReadonlyMap<string, readonly bigint[]>): Record<string, number> => Object.fromEntries([...m].map(([k, v]) => [k, v.length]));

test('with the current spec the stage has some of everything', (t) => {
  const fx = stage(current);
  t.deepEqual(counts(fx.live), { cb: 2, mem: 2, cs: 1, ts_buff: 1, block: 1 });
  t.deepEqual(counts(fx.foreign), counts(fx.live));
  t.deepEqual(counts(fx.stale), { cb: 1, mem: 1, cs: 1 });
  t.deepEqual([...fx.outOfReach], []);
});

test('an older client\'s stage has what its spec can make, and says which handle kinds it could not', (t) => {
  // 1.0.0: no HL_CB_FLAGS_MAP (one CB, unmapped), no timestamp buffers, no blocks.
  const v1 = stage(release('1.0.0'));
  t.deepEqual(counts(v1.live), { cb: 1, mem: 2, cs: 1 });
  t.deepEqual([...v1.outOfReach].sort(), ['block', 'ts_buff']);
  // 1.3.0: a mapped CB and map_block, still no HL_MEM_OP_TS_ALLOC.
  const v13 = stage(release('1.3.0'));
  t.deepEqual(counts(v13.live), { cb: 2, mem: 2, cs: 1, block: 1 });
  t.deepEqual([...v13.outOfReach], ['ts_buff']);
});

const namesKind = (a: AbstractArg, kind: string): boolean => Object.values(a.values).some((v) => (v.t === 'handle' && v.kind === kind)
  || (v.t === 'pointer' && (v.target.elements ?? []).some((e) => namesKind(e, kind))));

test('a case that needs a handle the stage cannot make is never generated (no invented handle)', (t) => {
  // The current spec without HL_MEM_OP_TS_ALLOC: WAIT_CS's timestamp_handle has no live handle to take.
  const noTs: Spec = { ...current, constants: current.constants.filter((c) => c.name !== 'HL_MEM_OP_TS_ALLOC') };
  const ctx = (client: Spec): SuiteContext => ({ spec: client, deviceSpec: current, abi: x86, mirror: undefined, mutations: [], counter: { ioctls: 0 } });
  const sample = (client: Spec): AbstractArg[] => fc.sample(argCaseArb(ctx(client)), { seed: 5, numRuns: 400 }).map((c) => c.arg);
  t.true(sample(current).some((a) => namesKind(a, 'ts_buff')), 'the full spec does generate timestamp handles');
  t.false(sample(noTs).some((a) => namesKind(a, 'ts_buff')));
  t.deepEqual([...stage(noTs).outOfReach], ['ts_buff']);
});
