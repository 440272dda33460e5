import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'ava';
import { spec as current } from '../../../specs/habanalabs/spec';
import { toCanonical } from '../../core/model/canonical';
import { repositoryCopy, runCliCaptured } from '../../testing/run-cli-captured';
import type { Trace } from '../../conformance/trace/trace-format';
import { toJson } from '../../core/util/json';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const inRepo = (...argv: string[]) => runCliCaptured(argv, { cwd: repoRoot });

interface ReplayJson {
  releases: { version: string; verdict: string; ioctls?: number; divergence?: string }[];
}

test('uapi trace --format json replays every release of the repository, each as recorded', async (t) => {
  const r = await inRepo('trace', '--format', 'json');
  t.is(r.code, 0, r.err);
  const json = JSON.parse(r.out) as ReplayJson;
  t.deepEqual(json.releases.map((x) => x.version), ['1.0.0', '1.1.0', '1.2.0', '1.3.0']);
  for (const x of json.releases) {
    const trace = JSON.parse(fs.readFileSync(path.join(repoRoot, 'snapshots', 'habanalabs', x.version, 'trace.json'), 'utf8')) as Trace;
    t.is(x.verdict, 'pass');
    t.is(x.ioctls, trace.ioctls);
  }
});

test('uapi trace: an unknown --release is a usage error; --record with every trace present writes nothing', async (t) => {
  const bad = await inRepo('trace', '--release', '9.9.9');
  t.is(bad.code, 2);
  t.regex(bad.err, /has no release 9\.9\.9 \(releases: 1\.0\.0, 1\.1\.0, 1\.2\.0, 1\.3\.0\)/);
  const none = await inRepo('trace', '--record');
  t.is(none.code, 0, none.err);
  t.regex(none.out, /every release of habanalabs has a trace; nothing to record/);
});

test('uapi trace --record completes an unsealed old release, never rewrites a trace; a changed answer fails the replay side by side', async (t) => {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-trace-cli-'));
  try {
    fs.mkdirSync(path.join(project, 'specs', 'habanalabs'), { recursive: true });
    fs.writeFileSync(path.join(project, 'specs', 'habanalabs', 'spec.json'), toJson(toCanonical(current)) + '\n');
    // A release as frozen before traces and manifests existed: spec.json and goldens only.
    const release = path.join(project, 'snapshots', 'habanalabs', '1.0.0');
    fs.mkdirSync(release, { recursive: true });
    const frozen = path.join(repoRoot, 'snapshots', 'habanalabs', '1.0.0');
    for (const f of fs.readdirSync(frozen)) if (f !== 'trace.json' && f !== 'SHA256SUMS') fs.copyFileSync(path.join(frozen, f), path.join(release, f));
    const run = (...argv: string[]) => runCliCaptured(argv, { cwd: project });

    const unsealed = await run('trace');
    t.is(unsealed.code, 2, 'an unsealed release is not read');
    t.regex(unsealed.err, /snapshots\/habanalabs\/1\.0\.0\/spec\.json:1:1: error RELEASE_UNSEALED: habanalabs 1\.0\.0: the release has no SHA256SUMS/);
    const recorded = await run('trace', '--record');
    t.is(recorded.code, 0, recorded.err);
    // The C suite's golden results (beside the release, per ABI this machine builds) come with it.
    const binary = (abi: string): string => `recorded ${path.join('snapshots', 'habanalabs', 'binary-results', '1.0.0', `${abi}.json`)}\n`;
    t.is(recorded.out, `recorded ${path.join('snapshots', 'habanalabs', '1.0.0', 'trace.json')}\n${binary('x86_64')}${binary('i386')}`);
    const file = path.join(release, 'trace.json');
    const text = fs.readFileSync(file, 'utf8');
    t.is((await run('trace', '--record')).code, 0);
    t.is(fs.readFileSync(file, 'utf8'), text, 'an existing trace is never rewritten');

    // A changed answer (as a core that behaves differently would give), then the release sealed.
    const trace = JSON.parse(text) as Trace;
    const k = trace.steps.findIndex((s) => s.op === 'ioctl' && s.rc === 0);
    const steps = trace.steps.map((s, i) => (i === k ? { ...s, rc: 22 } : s));
    fs.writeFileSync(file, JSON.stringify({ ...trace, steps }));
    const sealed = await run('release', '--manifest');
    t.is(sealed.code, 0, sealed.err);
    t.regex(sealed.out, /sealed snapshots\/habanalabs\/1\.0\.0: wrote snapshots\/habanalabs\/1\.0\.0\/SHA256SUMS/);
    const diverged = await run('trace', '--release', '1.0.0');
    t.is(diverged.code, 1, diverged.err);
    t.regex(diverged.out, /^FAIL 1\.0\.0\n/);
    t.regex(diverged.out, /recorded\s+replayed\n\s+≠ result\s+EINVAL \(22\)\s+0\n/);
    // Sealed, the release is complete as it is: nothing is added any more.
    fs.rmSync(file);
    const damaged = await run('trace', '--record');
    t.is(damaged.code, 2);
    t.regex(damaged.err, /SHA256SUMS:\d+:1: error RELEASE_DAMAGED: habanalabs 1\.0\.0: trace\.json is listed in SHA256SUMS but missing from the release/);
  } finally {
    fs.rmSync(project, { recursive: true, force: true });
  }
});

test('uapi fuzz --quick --release V runs that release\'s userspace on the working core; --release needs --quick', async (t) => {
  // The command's wiring is what is tested here: 10 runs per property (the suite at length is
  // harness/conformance/pbt/run/cross-version.test.ts's).
  const r = await runCliCaptured(['fuzz', '--quick', '--release', '1.0.0', '--format', 'json'], { cwd: repositoryCopy(10) });
  t.is(r.code, 0, r.err);
  const report = JSON.parse(r.out) as { spec: string; ioctls: number; failures: unknown[] };
  t.is(report.spec, `habanalabs 1.0.0 on the ${current.version} core`);
  t.true(report.ioctls > 1000);
  t.deepEqual(report.failures, []);
  const alone = await inRepo('fuzz', '--release', '1.0.0');
  t.is(alone.code, 2);
  t.regex(alone.err, /--release goes with --quick/);
});
