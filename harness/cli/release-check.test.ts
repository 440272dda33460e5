import * as fs from 'node:fs';
import * as path from 'node:path';
import test from 'ava';
import { runCliCaptured, tempProject, writeSpec } from '../testing/run-cli-captured';

const spec = (version: string, fields: string): string => `import { defineSpec, struct, ioctl, u32, u64 } from 'uapi-harness';
const args = struct('demo_args', { ${fields} });
export const spec = defineSpec({ name: 'demo', version: '${version}',
  ioctls: [ioctl('DEMO_IOCTL', { dir: 'rw', type: 'd', nr: 0x40, arg: args, sizeExtensible: true })] });
`;
const V1 = 'handle: u64, size: u32, pad: u32.pad()';

test('release freezes a version once; check diffs the working spec against every release', async (t) => {
  const project = tempProject('demo', spec('1.0.0', V1));
  const run = (...argv: string[]) => runCliCaptured(argv, { cwd: project });
  t.is((await run('snapshot', '--update')).code, 0);
  const released = await run('release');
  t.is(released.code, 0, released.err);
  const frozen = path.join(project, 'snapshots', 'demo', '1.0.0', 'spec.json');
  t.true(fs.existsSync(frozen));
  const again = await run('release');
  t.is(again.code, 2);
  t.regex(again.err, /never rewritten/);
  t.is((await run('check')).code, 0);

  // A compatible step: pad given a meaning, at a new version.
  writeSpec(project, 'demo', spec('1.1.0', 'handle: u64, size: u32, flags: u32'));
  t.is((await run('check')).code, 1, 'goldens of 1.1.0 are missing');
  t.is((await run('snapshot', '--update')).code, 0);
  const ok = await run('check', '--format', 'json');
  t.is(ok.code, 0, ok.out);
  const json = JSON.parse(ok.out) as { verdict: string; steps: { name: string; verdict: string }[] };
  t.is(json.verdict, 'pass');
  // No device under test speaks demo: behaviour is a skipped step of its own, which does not fail the gate.
  t.deepEqual(json.steps.map((s) => `${s.name}: ${s.verdict}`), ['goldens demo 1.1.0: pass', 'diff demo@1.0.0 -> 1.1.0: pass', 'lint demo 1.1.0: pass', 'behaviour demo 1.1.0: skip']);
  t.is((await run('release')).code, 0);

  // A break against the first release only still fails the gate.
  writeSpec(project, 'demo', spec('1.2.0', 'handle: u64, flags: u32, size: u32'));
  t.is((await run('snapshot', '--update')).code, 0);
  const bad = await run('check');
  t.is(bad.code, 1);
  t.regex(bad.out, /FAIL diff demo@1\.0\.0 -> 1\.2\.0/);
  t.regex(bad.out, /FAIL diff demo@1\.1\.0 -> 1\.2\.0/);
  t.regex(bad.out, /FIELD_MOVED abi-break/);
  const refused = await run('release');
  t.is(refused.code, 2);
  t.regex(refused.err, /breaks release 1\.0\.0/);
  t.false(fs.existsSync(path.join(project, 'snapshots', 'demo', '1.2.0', 'spec.json')));
});
