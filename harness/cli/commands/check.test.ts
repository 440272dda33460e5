import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'ava';
import { spec as current } from '../../../specs/habanalabs/spec';
import { CONFIG_FILE } from '../../contract/config/config';
import { toCanonical } from '../../core/model/canonical';
import { runCliCaptured } from '../../testing/run-cli-captured';
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
