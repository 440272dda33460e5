import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'ava';
import { formatIssue } from '../../core/diagnostics/format';
import { runCliCaptured } from '../../testing/run-cli-captured';
import { CONFIG_FILE } from './config';
import { loadConfig } from './load-config';

function project(config?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-config-'));
  fs.mkdirSync(path.join(dir, 'specs', 'a'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'specs', 'a', 'spec.ts'), "import { defineSpec } from 'uapi-harness';\nexport const spec = defineSpec({ name: 'a', version: '1.0.0' });\n");
  if (config !== undefined) fs.writeFileSync(path.join(dir, CONFIG_FILE), config);
  return dir;
}

test('without a file the defaults cover every spec folder', (t) => {
  const r = loadConfig(project());
  t.deepEqual(r.issues, []);
  t.like(r.config, { file: undefined, abis: 'all', policy: 'kernel', snapshots: 'snapshots', budgets: { quickRuns: 100, fuzzTime: '10m' } });
  t.deepEqual(r.config?.uapis.map((u) => [u.name, u.spec]), [['a', path.join('specs', 'a')]]);
});

test('every problem is reported with its line and column', (t) => {
  const dir = project([
    '{',
    '  "uapis": [{ "name": "a", "spec": "specs/a", "header": "x.h" }, { "spec": "nowhere" }],',
    '  "policy": "lenient",',
    '  "abis": "x86_64,vax",',
    '  "budgets": { "quickRuns": 0, "fuzzTime": "soon" },',
    '  "colour": true',
    '}',
  ].join('\n'));
  const r = loadConfig(dir);
  t.is(r.config, undefined);
  const lines = r.issues.map((i) => formatIssue(i).replace(/^.*uapi\.config\.json:/, 'uapi.config.json:'));
  t.deepEqual(lines.sort(), [
    'uapi.config.json:2:13: error CONFIG_INVALID: uapis[0]: give exactly one of "spec" (a spec folder) and "header" (a .h file)',
    'uapi.config.json:2:57: error CONFIG_INVALID: uapis[0].header: x.h does not exist',
    'uapi.config.json:2:66: error CONFIG_INVALID: uapis[1].name: a non-empty name is required',
    'uapi.config.json:2:76: error CONFIG_INVALID: uapis[1].spec: nowhere does not exist',
    'uapi.config.json:3:13: error CONFIG_INVALID: policy: must be one of kernel, semver',
    'uapi.config.json:4:11: error CONFIG_INVALID: abis: unknown ABI vax',
    'uapi.config.json:5:29: error CONFIG_INVALID: budgets.quickRuns: must be a positive integer',
    'uapi.config.json:5:44: error CONFIG_INVALID: budgets.fuzzTime: a duration such as 30s, 10m or 2h',
    'uapi.config.json:6:3: error CONFIG_INVALID: colour: unknown setting "colour"; known: $schema, uapis, abis, policy, snapshots, reports, budgets',
  ].sort());
});

test('uapi init writes a valid configuration once; check then uses it', async (t) => {
  const dir = project();
  const first = await runCliCaptured(['init'], { cwd: dir });
  t.is(first.code, 0, first.err);
  t.regex(first.out, /wrote uapi\.config\.json with 1 uAPI/);
  const again = await runCliCaptured(['init'], { cwd: dir });
  t.is(again.code, 2);
  t.regex(again.err, /--force/);
  const cfg = JSON.parse(fs.readFileSync(path.join(dir, CONFIG_FILE), 'utf8')) as { uapis: { name: string; spec: string }[] };
  t.deepEqual(cfg.uapis, [{ name: 'a', spec: path.join('specs', 'a') }]);
  fs.writeFileSync(path.join(dir, CONFIG_FILE), JSON.stringify({ ...cfg, policy: 'bogus' }));
  const bad = await runCliCaptured(['check'], { cwd: dir });
  t.is(bad.code, 2);
  t.regex(bad.err, /uapi\.config\.json:1:\d+: error CONFIG_INVALID: policy/);
});
