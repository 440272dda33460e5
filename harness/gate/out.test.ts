import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'ava';
import { demoCheck } from '../testing/check-result-data';
import { repositoryCopy, runCliCaptured, tempProject } from '../testing/run-cli-captured';
import { checkJson } from './format-check';
import { CHECK_OUTPUT_FILES, checkOutputs, writeCheckOutputs } from './out';
import { toJson } from '../core/util/json';
import { sarifProblems } from '../testing/sarif-shape';
import { RULE_REGISTRY } from './rule-registry';

const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-out-'));
const testcases = (xml: string): string[] => [...xml.matchAll(/<testcase classname="([^"]*)" name="([^"]*)"/g)].map((m) => `${m[1]} :: ${m[2]}`);

test('report.json is exactly the --format json output', (t) => {
  const input = demoCheck();
  t.is(checkOutputs(input)['report.json'], toJson(checkJson(input.result)) + '\n');
});

test('summary.md: the verdict first, then what broke, why, and how to reproduce each failing step', (t) => {
  const md = checkOutputs(demoCheck())['summary.md'];
  const lines = md.split('\n');
  t.is(lines[0], '## ❌ uapi check: FAIL');
  t.is(lines[2], '**3 of 4 steps failed** · 21 errors, 0 warnings, 2 info, 0 waived');
  t.regex(md, /### ❌ diff demo@1\.0\.0 -\\> 1\.1\.0: breaking: 9 change\(s\)\n\nReproduce: `npx uapi diff snapshots\/demo\/1\.0\.0\/spec\.json specs\/demo --policy kernel`/);
  t.regex(md, /\| ❌ abi-break \| `FIELD_MOVED` \| `struct demo_args\.count` \| count moved from offset 20 to offset 16 \|/);
  t.regex(md, /- `FIELD_MOVED`: A field is at another offset\./);
  t.regex(md, /Reproduce: `npx uapi lint specs\/demo`/);
  t.regex(md, /- property `D1 demo_args\.reserved rejected when non-zero` failed: ioctl returned 0, expected EINVAL — replay: `npx uapi replay --seed 42 --path "3:1"`/);
  t.false(md.includes('### ❌ goldens'), 'passing steps get no section');
  t.true(md.length < 20_000);
});

test('report.sarif: valid SARIF 2.1.0, every registry rule described, a failed property under its rule', (t) => {
  const log = JSON.parse(checkOutputs(demoCheck())['report.sarif']) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex?: number; locations?: unknown[] }[] }[] };
  t.deepEqual(sarifProblems(log), []);
  const run = log.runs[0];
  t.is(run?.tool.driver.rules.length, RULE_REGISTRY.size);
  const property = run?.results.find((r) => r.ruleId === 'D1/nonzero-pad-rejected');
  t.is(run?.tool.driver.rules[property?.ruleIndex ?? -1]?.id, 'D1/nonzero-pad-rejected');
  t.is(run?.results.filter((r) => r.ruleIndex === undefined).length, 0, 'every result names a registered rule');
});

test('junit.xml: a suite per step, a case per step, per rule run and per property; failures are what failed', (t) => {
  const xml = checkOutputs(demoCheck())['junit.xml'];
  const cases = testcases(xml);
  t.true(cases.includes('uapi check :: goldens demo 1.1.0'));
  t.true(cases.includes('uapi check :: diff demo@1.0.0 -&gt; 1.1.0'));
  t.true(cases.includes('diff demo@1.0.0 -&gt; 1.1.0 :: FIELD_MOVED'));
  t.true(cases.includes('diff demo@1.0.0 -&gt; 1.1.0 :: ENUM_ADDED'), 'rules that found nothing are listed as passing');
  t.true(cases.includes('lint demo 1.1.0 :: S1/fixed-width-types'));
  t.true(cases.includes('properties demo 1.1.0 :: D3 unknown ioctl gives ENOTTY'));
  t.is(new Set(cases).size, cases.length, 'no case twice');
  t.regex(xml, /<testsuite name="goldens demo 1\.1\.0" tests="1" failures="0" errors="0" skipped="0">/);
  t.regex(xml, /<testsuite name="properties demo 1\.1\.0" tests="4" failures="3" errors="0" skipped="0">/);
  t.regex(xml, /<testcase classname="lint demo 1\.1\.0" name="S1\/fixed-width-types"\/>/);
  t.regex(xml, /<testcase classname="diff demo@1\.0\.0 -&gt; 1\.1\.0" name="PAD_GIVEN_MEANING">\n {6}<system-out>/, 'a compatible change passes');
  t.regex(xml, /<testcase classname="diff demo@1\.0\.0 -&gt; 1\.1\.0" name="FIELD_MOVED">\n {6}<failure type="abi-break" message="count moved/, 'a rule case fails as the report writer\'s do, with the level as type');
});

test('writeCheckOutputs writes the five files; an unwritable folder is an issue naming it', (t) => {
  const dir = path.join(tmp(), 'nested', 'reports');
  const r = writeCheckOutputs(dir, demoCheck());
  t.deepEqual(r.issues, []);
  t.deepEqual(fs.readdirSync(dir).sort(), [...CHECK_OUTPUT_FILES].sort());
  const blocker = path.join(tmp(), 'file');
  fs.writeFileSync(blocker, 'not a folder');
  const bad = writeCheckOutputs(path.join(blocker, 'reports'), demoCheck());
  t.is(bad.issues[0]?.code, 'CHECK_OUT_WRITE');
  t.is(bad.issues[0]?.path, path.join(blocker, 'reports'));
  t.regex(bad.issues[0]?.message ?? '', /pass a writable folder with --out DIR/);
});

test('uapi check --out DIR on the bundled spec: five files, JUnit with at least 10 cases, HTML with at least 3 diagrams', async (t) => {
  // A copy of this repository's specs and snapshots whose configuration runs the property suites 5
  // times per property: the reports are what this test is about, not the depth of the suites.
  const project = repositoryCopy(5);
  const out = path.join(tmp(), 'reports');
  const run = await runCliCaptured(['check', '--out', out, '--abi', 'x86_64,i386'], { cwd: project });
  t.true(run.code === 0 || run.code === 1, run.err);
  t.regex(run.err, /reports written to .*reports\/ \(report\.json, summary\.md, junit\.xml, report\.sarif, index\.html\)/);
  t.deepEqual(fs.readdirSync(out).sort(), [...CHECK_OUTPUT_FILES].sort());
  const json = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8')) as { verdict: string };
  t.is(json.verdict, run.code === 0 ? 'pass' : 'fail');
  t.true(testcases(fs.readFileSync(path.join(out, 'junit.xml'), 'utf8')).length >= 10);
  const page = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
  t.true([...page.matchAll(/<svg [^>]*class="byte-map"/g)].length >= 3);
  t.regex(page, /id="type-habanalabs-hl_cs_args"/);
  t.regex(fs.readFileSync(path.join(out, 'summary.md'), 'utf8'), /^## (✅|❌) uapi check: /);
});

test('without --out the reports go to reports/ of the project', async (t) => {
  const project = tempProject('demo', `import { defineSpec, struct, ioctl, u32, u64 } from 'uapi-harness';
export const spec = defineSpec({ name: 'demo', version: '1.0.0',
  ioctls: [ioctl('DEMO_IOCTL', { dir: 'rw', type: 'd', nr: 0x40, arg: struct('demo_args', { handle: u64, size: u32, pad: u32.pad() }) })] });
`);
  const run = await runCliCaptured(['check', '--format', 'json'], { cwd: project });
  t.is(run.code, 1, 'no goldens yet');
  t.regex(run.err, /reports written to reports\/ /);
  t.deepEqual(fs.readdirSync(path.join(project, 'reports')).sort(), [...CHECK_OUTPUT_FILES].sort());
  t.is(fs.readFileSync(path.join(project, 'reports', 'report.json'), 'utf8'), run.out, 'report.json is what --format json printed');
});

test('summary.md: a failing step\'s note is a code block that its own backticks cannot close', (t) => {
  const input = demoCheck();
  const note = 'recorded   replayed\n≠ result  0   ENOTTY (25)\n```not the end```';
  const steps = input.result.steps.map((s) => (s.verdict === 'fail' ? { ...s, note } : s));
  const md = checkOutputs({ ...input, result: { ...input.result, steps } })['summary.md'];
  t.true(md.includes(`\`\`\`\`\n${note}\n\`\`\`\`\n`));
});
