import test from 'ava';
import { MUTATION_IDS, type MutationId } from '../../../../emulator/mutations';
import { findAbi, type Abi } from '../../../core/layout/abi';
import { spec } from '../../../../specs/habanalabs/spec';
import { QUICK_SEED } from '../run/seeds';
import { mutate, mutationPassed } from './mutate';

const abis = ['x86_64', 'i386'].map((n) => findAbi(n) as Abi);

// Mutations the committed regression corpus was not built from, one or more per design rule, so that
// the kill comes from the properties themselves (the corpus is left out too).
const SUBSET: readonly MutationId[] = [
  'unknown-ioctl-einval', 'copy-back-driver-size', 'reject-longer-tail', 'ignore-copy-fault', 'ignore-return-size',
  'stale-handle-enoent', 'skip-dma-check', 'cb-size-unchecked', 'alloc-size-wraps', 'exclusive-open-unchecked',
  'wait-ignores-timeout', 'utilization-period-unchecked',
];

test('the catalogue has at least 20 mutations and the subset comes from it', (t) => {
  t.true(MUTATION_IDS.length >= 20);
  for (const id of SUBSET) t.true(MUTATION_IDS.includes(id), id);
});

test(`the suite kills at least 95% of a subset of ${SUBSET.length} mutations (quick budget, no regression corpus)`, (t) => {
  const r = mutate({ spec, abis, ids: SUBSET, runs: 100, seed: QUICK_SEED, target: 0.95, corpus: [] });
  t.is(r.baseline, 'pass', r.baselineFailure);
  t.is(r.total, SUBSET.length);
  t.deepEqual(r.survivors.map((s) => s.id), [], 'survivors');
  t.true(mutationPassed(r));
  for (const m of r.mutants) t.log(`${m.id}: killed by ${m.by ?? '-'} [${m.rule ?? '-'}] in ${m.ms} ms`);
});

test('mutation results are reported against the target, and a failing baseline makes nothing count', (t) => {
  const r = mutate({ spec, abis, ids: ['skip-pad-check'], runs: 20, seed: 1, target: 1, corpus: [] });
  t.deepEqual({ killed: r.killed, total: r.total, rate: r.rate }, { killed: 1, total: 1, rate: 1 });
  t.true(mutationPassed({ ...r, rate: 1 }));
  t.false(mutationPassed({ ...r, rate: 0.9 }));
  t.false(mutationPassed({ ...r, baseline: 'fail' }));
});
