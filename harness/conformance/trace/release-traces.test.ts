import * as fs from 'node:fs';
import test from 'ava';
import { spec } from '../../../specs/habanalabs/spec';
import { listReleases } from '../../contract/release/releases';
import { REFERENCE_SNAPSHOTS } from '../../testing/reference-releases';
import { describeDivergence } from './describe-divergence';
import { traceFileOf } from './release-trace';
import { replayTrace } from './replay-trace';
import { readTrace } from './trace-file';

// The committed golden traces of the reference uAPI's releases, replayed on the current core: the
// same check `uapi check` makes, kept as a test so that a change to the emulator that alters any
// answer an old release's userspace got fails `npm test` with the first divergent call.

const { releases, issues } = listReleases(REFERENCE_SNAPSHOTS, spec.name);

test('the reference uAPI has at least four frozen releases, each with its golden trace', (t) => {
  t.deepEqual(issues, []);
  t.true(releases.length >= 4, releases.map((r) => r.version).join(', '));
  for (const r of releases) t.true(fs.existsSync(traceFileOf(r.dir)), `${r.version} has no trace.json`);
});

for (const r of releases) {
  test(`release ${r.version}: its trace replays on the ${spec.version} core with every answer as recorded`, (t) => {
    const { trace, issues: problems } = readTrace(traceFileOf(r.dir));
    if (trace === undefined) return t.fail(problems.map((i) => i.message).join('; '));
    t.is(trace.version, r.version);
    t.is(trace.uapi, spec.name);
    t.true(trace.ioctls > 0);
    const x = replayTrace(trace, spec);
    t.is(x.divergence, undefined, x.divergence !== undefined ? describeDivergence(trace, r.spec, x.divergence) : '');
    t.is(x.ioctls, trace.ioctls);
    return undefined;
  });
}
