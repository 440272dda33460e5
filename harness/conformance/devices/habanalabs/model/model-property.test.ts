import test from 'ava';
import { findAbi, type Abi } from '../../../../core/layout/abi';
import { referenceRelease } from '../../../../testing/reference-releases';
import type { Spec } from '../../../../core/model/model';
import { spec as current } from '../../../../../specs/habanalabs/spec';
import type { SuiteContext } from '../../../pbt/properties/suite-property';
import { replayData } from '../../../pbt/run/run-property';
import { specFacts } from '../../../pbt/spec-facts/spec-facts';
import type { CommandData } from './commands/data';
import { modelSequences } from './model-property';
import { bareMinimumMissing, modelReach } from './reach';

const x86 = findAbi('x86_64') as Abi;
const i386 = findAbi('i386') as Abi;
const release = referenceRelease;
const ctxOf = (client: Spec): SuiteContext => ({ spec: client, deviceSpec: current, abi: x86, mirror: i386, mutations: [], counter: { ioctls: 0 } });
const reachOf = (s: Spec): ReturnType<typeof modelReach> => modelReach(specFacts(s, x86));
const ALL_OPS = ['open', 'close', 'cbCreate', 'cbDestroy', 'cbInfo', 'memAlloc', 'memFree', 'mapDevice', 'mapHost', 'unmap', 'submit', 'wait', 'waitMulti', 'info'];

test('the current spec reaches every command and every variant', (t) => {
  const r = reachOf(current);
  t.deepEqual([...r.ops].sort(), [...ALL_OPS].sort());
  t.true(r.cbMap && r.cbDeviceVa && r.allocPageSize && r.allocContiguous && r.csTimeout && r.waitStamp && r.infoPerOp);
  t.true(r.infoHwIp && r.infoPageSizes && r.infoDramUsage && r.infoSyncManager);
  t.deepEqual(r.csFlags, ['HL_CS_FLAGS_FORCE_RESTORE', 'HL_CS_FLAGS_TIMESTAMP', 'HL_CS_FLAGS_SKIP_RESET_ON_TIMEOUT']);
});

test('an older client reaches the commands and variants its spec has names for', (t) => {
  const v1 = reachOf(release('1.0.0'));
  t.deepEqual(ALL_OPS.filter((op) => !v1.ops.has(op as CommandData['op'])), ['cbInfo', 'waitMulti']);
  t.false(v1.cbMap || v1.cbDeviceVa || v1.allocPageSize || v1.csTimeout || v1.waitStamp || v1.infoPerOp);
  t.deepEqual(v1.csFlags, ['HL_CS_FLAGS_FORCE_RESTORE']);
  t.deepEqual([v1.infoHwIp, v1.infoPageSizes, v1.infoDramUsage, v1.infoSyncManager], [true, false, true, false]);
  const v13 = reachOf(release('1.3.0'));
  t.deepEqual(ALL_OPS.filter((op) => !v13.ops.has(op as CommandData['op'])), ['cbInfo']);
  t.true(v13.cbMap && v13.csTimeout && v13.waitStamp && v13.infoPerOp && v13.infoSyncManager);
  t.false(v13.cbDeviceVa || v13.allocPageSize || v13.infoPageSizes);
});

test('the model is skipped only when the bare minimum is missing, and says what is', (t) => {
  t.deepEqual(bareMinimumMissing(specFacts(current, x86)), []);
  t.is(modelSequences.skip(ctxOf(release('1.0.0'))), undefined);
  const noDestroy: Spec = { ...current, constants: current.constants.filter((c) => c.name !== 'HL_CB_OP_DESTROY') };
  t.is(modelSequences.skip(ctxOf(noDestroy)), 'the model needs at least HL_CB_OP_DESTROY, which the spec does not define');
});

/**
 * A stuck submission whose DMA reads a mapping unmapped before it ran faults at once, so a long wait
 * on it returns early: another file's runnable submission may not have run yet, and a poll of it may
 * find it busy. (The model once assumed the whole wait's time had passed.)
 */
const EARLY_STOP: CommandData[] = [
  {
    op: 'submit', slot: 1, flags: [], unsupported: null, badBit: null, timeoutSec: null, count: 'exact', chunks: [
      { cb: { from: 'own', pick: 0 }, queue: 'user', queuePick: 0, oversize: false, packets: [{ p: 'dma', src: { from: 'own', pick: 0, at: 0 }, dst: { from: 'own', pick: 0, at: 0 }, len: 'fit' }, { p: 'fenceStuck' }] },
      { cb: { from: 'own', pick: 0 }, queue: 'user', queuePick: 0, oversize: false, packets: [] },
    ],
  },
  {
    op: 'submit', slot: 0, flags: [], unsupported: null, badBit: null, timeoutSec: null, count: 'exact', chunks: [
      { cb: { from: 'own', pick: 0 }, queue: 'user', queuePick: 0, oversize: false, packets: [{ p: 'dma', src: { from: 'own', pick: 0, at: 0 }, dst: { from: 'own', pick: 0, at: 0 }, len: 'fit' }] },
    ],
  },
  { op: 'unmap', slot: 1, ref: { from: 'own', pick: 0, at: 0 } },
  { op: 'wait', slot: 1, seq: { from: 'own', pick: 0 }, timeoutUs: 500_000n, signal: false },
  { op: 'wait', slot: 0, seq: { from: 'own', pick: 0 }, timeoutUs: 0n, signal: false },
];

for (const [name, client] of [['current', current], ['1.0.0', release('1.0.0')]] as const) {
  test(`a wait that ends early leaves other files' submissions possibly pending (${name} client)`, (t) => {
    const r = replayData(modelSequences, { ...ctxOf(client), spec: client }, EARLY_STOP);
    t.is(r.verdict, 'pass', r.message);
    t.true(r.ioctls > EARLY_STOP.length);
  });
}
