import * as path from 'node:path';
import test from 'ava';
import { findAbi, type Abi } from '../../../core/layout/abi';
import { listReleases } from '../../../contract/release/releases';
import { spec as current } from '../../../../specs/habanalabs/spec';
import { runSuite } from './suite';

const snapshots = path.resolve(__dirname, '..', '..', '..', '..', '..', 'snapshots');
const abis = ['x86_64', 'i386'].map((n) => findAbi(n) as Abi);
const RUNS = 20;
const SEED = 20;

/** A property a release's client cannot run, with the suite's reason and why that is right. */
interface ExpectedSkip {
  readonly name: string;
  readonly reason: string;
  readonly why: string;
}

const noCustomTimeout = (abi: string): ExpectedSkip => ({
  name: `D9/time-inputs-validated [${abi}]`,
  reason: 'the scenario needs HL_CS_FLAGS_CUSTOM_TIMEOUT, which the spec does not define',
  why: 'the scenario is about a submission\'s custom timeout, which came with 1.3.0 (Linux 5.15): an older client cannot ask for one',
});

/**
 * Every frozen release and the properties its client spec cannot run against the current core. A
 * release missing here fails the test: freezing a new one means stating what its client skips.
 */
const EXPECTED_SKIPS: Readonly<Record<string, readonly ExpectedSkip[]>> = {
  '1.0.0': [noCustomTimeout('x86_64'), noCustomTimeout('i386')],
  '1.1.0': [noCustomTimeout('x86_64'), noCustomTimeout('i386')],
  '1.2.0': [noCustomTimeout('x86_64'), noCustomTimeout('i386')],
  '1.3.0': [],
};

const { releases, issues } = listReleases(snapshots, current.name);

test('the frozen releases are readable and each has its expected skip list', (t) => {
  t.deepEqual(issues, []);
  t.deepEqual(releases.map((r) => r.version), Object.keys(EXPECTED_SKIPS), 'a frozen release without an entry in EXPECTED_SKIPS (or an entry without a release)');
});

for (const release of releases) {
  test(`old userspace on the current core: the ${release.version} client's suite passes, skipping only what it cannot express`, (t) => {
    const r = runSuite({ spec: release.spec, deviceSpec: current, abis, counter: { ioctls: 0 }, runs: RUNS, seed: SEED });
    const failed = r.outcomes.filter((o) => o.verdict === 'fail');
    t.deepEqual(failed.map((o) => `${o.name}: [${o.rule ?? ''}] ${o.message ?? ''}`), []);
    const skipped = r.outcomes.filter((o) => o.verdict === 'skip').map((o) => ({ name: o.name, reason: o.message ?? '' }));
    const expected = (EXPECTED_SKIPS[release.version] ?? []).map(({ name, reason }) => ({ name, reason }));
    t.deepEqual(skipped, expected);
    // What ran, ran for real: every other property made calls in every run.
    const ran = r.outcomes.filter((o) => o.verdict === 'pass');
    t.true(ran.length > 0 && ran.every((o) => o.runs === RUNS && o.ioctls > 0), 'a property passed without running');
    t.log(`${release.version} client: ${ran.length} properties passed, ${skipped.length} skipped, ${r.ioctls} ioctls in ${r.ms} ms`);
  });
}
