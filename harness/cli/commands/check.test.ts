import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'ava';
import { spec as current } from '../../../specs/habanalabs/spec';
import { CONFIG_FILE } from '../../contract/config/config';
import { toCanonical } from '../../core/model/canonical';
import { runCliCaptured, tempProject } from '../../testing/run-cli-captured';
import { toJson } from '../../core/util/json';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

test('uapi check runs the quick suite and every release\'s userspace with the configuration\'s budgets.quickRuns', async (t) => {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-check-budget-'));
  fs.mkdirSync(path.join(project, 'specs', current.name), { recursive: true });
  fs.writeFileSync(path.join(project, 'specs', current.name, 'spec.json'), toJson(toCanonical(current)) + '\n');
  fs.cpSync(path.join(repoRoot, 'snapshots'), path.join(project, 'snapshots'), { recursive: true });
  fs.writeFileSync(path.join(project, CONFIG_FILE), JSON.stringify({ budgets: { quickRuns: 3 } }));
  const r = await runCliCaptured(['check', '--format', 'json', '--abi', 'x86_64,i386'], { cwd: project });
  const json = JSON.parse(r.out) as { steps: { name: string; summary: string; runs?: number; regressions?: number }[] };
  const suites = json.steps.filter((s) => s.name.startsWith('properties ') || s.name.startsWith('userspace '));
  t.true(suites.length >= 2, json.steps.map((s) => s.name).join(', '));
  for (const s of suites) {
    // Each property runs quickRuns times; each regression of the corpus (counted among the properties) once.
    const properties = Number(/\b(\d+) properties\b/.exec(s.summary)?.[1]);
    const regressions = s.regressions ?? 0;
    t.true(properties > regressions, s.summary);
    t.is(s.runs, 3 * (properties - regressions) + regressions, `${s.name}: ${s.summary}`);
  }
});

// A uAPI no device under test speaks: the suite commands stop with a short reason, and the gate
// says in a step of its own that behaviour was not checked (never a silent pass).
const TINY = `import { defineSpec, ioctl, struct, u32, u64 } from 'uapi-harness/dsl';
const tiny_args = struct('tiny_args', { handle: u32, flags: u32, ptr: u64 });
export const spec = defineSpec({ name: 'tiny', version: '1.0.0', ioctls: [ioctl('TINY_IOC_GET', { dir: 'rw', type: 'T', nr: 1, arg: tiny_args })], types: [tiny_args], constants: [] });
`;

test('a uAPI with no device: fuzz exits 2 naming the first few missing things, check shows a skipped behaviour step', async (t) => {
  const project = tempProject('tiny', TINY);
  const fuzz = await runCliCaptured(['fuzz', 'specs/tiny', '--quick'], { cwd: project });
  t.is(fuzz.code, 2);
  t.regex(fuzz.err, /PBT_NOT_EMULATED: specs\/tiny: no device under test speaks this uAPI on the emulated backend \(the emulated habanalabs core needs constant \w+, constant \w+, constant \w+ and \d+ more, which tiny 1\.0\.0 does not define\)/);
  t.true(fuzz.err.length < 400, fuzz.err);
  const check = await runCliCaptured(['check', 'specs/tiny', '--format', 'json', '--abi', 'x86_64', '--out', path.join(project, 'reports')], { cwd: project });
  const steps = (JSON.parse(check.out) as { steps: { name: string; verdict: string; summary: string }[] }).steps;
  const behaviour = steps.find((s) => s.name === 'behaviour tiny 1.0.0');
  t.is(behaviour?.verdict, 'skip', steps.map((s) => s.name).join(', '));
  t.regex(behaviour?.summary ?? '', /^no device under test speaks tiny: the emulated habanalabs core needs .* and \d+ more, which tiny 1\.0\.0 does not define; /);
  t.false(steps.some((s) => s.name.startsWith('properties ')));
});
