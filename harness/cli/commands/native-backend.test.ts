import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'ava';
import { CONFIG_FILE } from '../../contract/config/config';
import { userfaultfdUnavailable } from '../../testing/userfaultfd-session';
import { runCliCaptured } from '../../testing/run-cli-captured';

/*
 * --backend and --device on fuzz, check and replay. A project holding specs/userfaultfd alone, whose
 * configuration gives 4 runs per property: these tests are about the commands' contract, not depth.
 * The runs on the kernel need /dev/userfaultfd (see the precondition in devices/userfaultfd).
 */
const repo = path.resolve(__dirname, '..', '..', '..', '..');
const project = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-native-'));
fs.cpSync(path.join(repo, 'specs', 'userfaultfd'), path.join(project, 'specs', 'userfaultfd'), { recursive: true });
fs.writeFileSync(path.join(project, CONFIG_FILE), `${JSON.stringify({ budgets: { quickRuns: 4 } })}\n`);
const run = (...argv: string[]) => runCliCaptured(argv, { cwd: project });
const kernelTest = userfaultfdUnavailable() === undefined ? test : test.skip;

function failureFile(backend: string | undefined): string {
  const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-native-failure-')), 'f.json');
  const body = { format: 'uapi-pbt-failure/1', property: 'D3/unknown-command-enotty', spec: 'userfaultfd 1.0.0', abi: 'x86_64', ...(backend !== undefined ? { backend } : {}), mutations: [], seed: 1, counterexample: { type: 170, nr: 77, size: 24, dir: 'rw' } };
  fs.writeFileSync(f, `${JSON.stringify(body, null, 2)}\n`);
  return f;
}

test('without --backend native, a uAPI only the native backend speaks says so: fuzz exit 2, check a skipped behaviour step', async (t) => {
  const fuzz = await run('fuzz', 'specs/userfaultfd', '--rounds', '1');
  t.is(fuzz.code, 2);
  t.regex(fuzz.err, /PBT_NOT_EMULATED: specs\/userfaultfd: no device under test speaks this uAPI on the emulated backend \(--backend native not given \(userfaultfd on this kernel/);
  const check = await run('check', 'specs/userfaultfd', '--format', 'json', '--out', path.join(project, 'reports'));
  const behaviour = (JSON.parse(check.out) as { steps: { name: string; verdict: string; command: string }[] }).steps.find((s) => s.name.startsWith('behaviour '));
  t.is(behaviour?.verdict, 'skip');
  t.is(behaviour?.command, 'npx uapi fuzz specs/userfaultfd --quick --backend native');
});

test('--backend and --device usage errors exit 2 naming the option', async (t) => {
  const bad = await run('fuzz', 'specs/userfaultfd', '--backend', 'kernel', '--rounds', '1');
  t.is(bad.code, 2);
  t.regex(bad.err, /USAGE_BACKEND: --backend: unknown backend kernel; one of emulated, native/);
  const device = await run('check', 'specs/userfaultfd', '--device', '/dev/userfaultfd');
  t.is(device.code, 2);
  t.regex(device.err, /USAGE_DEVICE: --device: .* it goes with --backend native/);
});

kernelTest('uapi fuzz --backend native: real ioctls, "backend": "native", no failures', async (t) => {
  const r = await run('fuzz', 'specs/userfaultfd', '--backend', 'native', '--rounds', '1', '--seed', '3', '--abi', 'x86_64', '--format', 'json');
  t.is(r.code, 0, r.err);
  const j = JSON.parse(r.out) as { backend: string; ioctls: number; failures: unknown[] };
  t.is(j.backend, 'native');
  t.deepEqual(j.failures, []);
  t.true(j.ioctls > 100, `${j.ioctls} ioctls`);
});

kernelTest('uapi check --backend native runs the properties step against the kernel', async (t) => {
  const r = await run('check', 'specs/userfaultfd', '--backend', 'native', '--abi', 'x86_64', '--format', 'json', '--out', path.join(project, 'reports'));
  const steps = (JSON.parse(r.out) as { steps: { name: string; verdict: string; summary: string }[] }).steps;
  const p = steps.find((s) => s.name === 'properties userfaultfd 1.0.0 on the running kernel');
  t.is(p?.verdict, 'pass', p?.summary);
  t.regex(p?.summary ?? '', /3 skipped: D1\/nonzero-pad-rejected \[x86_64\] \(no pad site/);
  t.false(steps.some((s) => s.name.startsWith('behaviour ')));
});

kernelTest('a failure file replays on the backend it records; another --backend, or a file of the emulated backend, is exit 2', async (t) => {
  const native = failureFile('native');
  const r = await run('replay', 'specs/userfaultfd', native, '--format', 'json');
  t.is(r.code, 0, r.err);
  t.like(JSON.parse(r.out) as object, { backend: 'native', verdict: 'pass' });
  const other = await run('replay', 'specs/userfaultfd', native, '--backend', 'emulated');
  t.is(other.code, 2);
  t.regex(other.err, /f\.json:6:\d+: error USAGE_BACKEND: --backend: the failure was found on the native backend and replays on it, not on emulated/);
  const older = await run('replay', 'specs/userfaultfd', failureFile(undefined));
  t.is(older.code, 2, 'a file without "backend" was found on the emulated backend, which does not speak userfaultfd');
  t.regex(older.err, /on the emulated backend \(--backend native not given/);
});
