import * as path from 'node:path';
import test from 'ava';
import { DEFAULT_BUDGETS } from '../../contract/config/config';
import { findAbi, type Abi } from '../../core/layout/abi';
import { spec } from '../../../specs/habanalabs/spec';
import { SUITE } from './properties/catalogue';
import { corpusDir, loadCorpus } from './run/corpus';
import { QUICK_SEED } from './run/seeds';
import { runSuite } from './run/suite';

const snapshots = path.resolve(__dirname, '..', '..', '..', '..', 'snapshots');
const abis = ['x86_64', 'i386'].map((n) => findAbi(n) as Abi);

test('the quick suite holds on the emulated core: regression corpus first, then every property on x86_64 and i386', (t) => {
  const corpus = loadCorpus(corpusDir(snapshots, spec.name));
  t.deepEqual(corpus.issues, []);
  t.true(corpus.entries.length >= 10, 'the committed regression corpus is there');
  const r = runSuite({ spec, abis, counter: { ioctls: 0 }, runs: DEFAULT_BUDGETS.quickRuns, seed: QUICK_SEED, corpus: corpus.entries });
  const bad = r.outcomes.filter((o) => o.verdict !== 'pass');
  t.deepEqual(bad.map((o) => `${o.name}: ${o.message ?? ''}`), []);
  // Every property ran, in every context, before anything else the corpus did.
  t.is(r.outcomes.slice(0, corpus.entries.length).filter((o) => o.name.startsWith('regression ')).length, corpus.entries.length);
  t.is(r.outcomes.length, corpus.entries.length + SUITE.reduce((n, p) => n + (p.abis === 'pair' ? 1 : 2), 0));
  t.true(r.outcomes.filter((o) => !o.name.startsWith('regression ')).every((o) => o.runs === DEFAULT_BUDGETS.quickRuns));
  t.log(`quick suite: ${r.outcomes.length} properties, ${r.ioctls} ioctls in ${r.ms} ms (${Math.round((r.ioctls / r.ms) * 1000)} ioctls/s)`);
});

test('the quick suite is deterministic: the same seed gives the same runs and ioctl counts', (t) => {
  const once = (): string[] => runSuite({ spec, abis, counter: { ioctls: 0 }, runs: 10, seed: 7 }).outcomes.map((o) => `${o.name} ${o.verdict} ${o.runs} ${o.ioctls}`);
  t.deepEqual(once(), once());
});
