import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'ava';
import { treeReport } from '../gate/check-tree-report';
import { RULE_REGISTRY } from '../gate/rule-registry';
import { formatSarif } from '../report/sarif';
import { runCliCaptured, tempProject, writeSpec } from '../testing/run-cli-captured';
import { sarifProblems } from '../testing/sarif-shape';

const spec = (fields: string): string => `import { defineSpec, struct, ioctl, u32, u64 } from 'uapi-harness/dsl';
export const spec = defineSpec({ name: 'demo', version: '1.0.0',
  ioctls: [ioctl('DEMO_IOCTL', { dir: 'rw', type: 'd', nr: 0x40, arg: struct('demo_args', { ${fields} }) })] });
`;

interface Log {
  runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex?: number; level: string; locations?: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[] }[] }[];
}

// One project for the three commands: the old spec, and a new one with a field inserted and a hole.
const project = tempProject('old', spec('handle: u64, size: u32, pad: u32.pad()'));
writeSpec(project, 'new', spec('handle: u64, flags: u32, size: u64'));

async function sarifOf(argv: readonly string[]): Promise<{ code: number; log: Log }> {
  const r = await runCliCaptured([...argv, '--format', 'sarif'], { cwd: project });
  return { code: r.code, log: JSON.parse(r.out) as Log };
}

test('uapi diff --format sarif: valid, change rules from the registry, results at the spec line, exit code unchanged', async (t) => {
  const { code, log } = await sarifOf(['diff', 'specs/old', 'specs/new', '--abi', 'x86_64']);
  t.is(code, 1);
  t.deepEqual(sarifProblems(log), []);
  const run = log.runs[0];
  t.true((run?.tool.driver.rules.length ?? 0) >= 80, 'every change rule is described');
  const inserted = run?.results.find((r) => r.ruleId === 'FIELD_INSERTED');
  t.is(inserted?.level, 'error');
  t.is(run?.tool.driver.rules[inserted?.ruleIndex ?? -1]?.id, 'FIELD_INSERTED');
  // Relative to the folder the command runs in (in-process here: the test's), as the text format's are.
  t.is(path.resolve(decodeURIComponent(inserted?.locations?.[0]?.physicalLocation.artifactLocation.uri ?? '')), path.join(fs.realpathSync(project), 'specs', 'new', 'spec.ts'));
  t.is(inserted?.locations?.[0]?.physicalLocation.region?.startLine, 3);
});

test('uapi lint --format sarif: valid, lint rules from the registry, exit code unchanged', async (t) => {
  const { code, log } = await sarifOf(['lint', 'specs/new', '--abi', 'x86_64,i386']);
  t.is(code, 1);
  t.deepEqual(sarifProblems(log), []);
  const ids = log.runs[0]?.tool.driver.rules.map((r) => r.id) ?? [];
  t.true(ids.includes('S2/no-implicit-padding') && ids.includes('waivers'));
  t.true(log.runs[0]?.results.some((r) => r.ruleId === 'S5/same-layout-32-64' && r.level === 'error') === true);
});

test('uapi check --format sarif: valid, every rule of the registry described, exit code unchanged', async (t) => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-sarif-'));
  const { code, log } = await sarifOf(['check', 'specs/new', '--abi', 'x86_64', '--out', out]);
  t.is(code, 1, 'no goldens yet');
  t.deepEqual(sarifProblems(log), []);
  t.is(log.runs[0]?.tool.driver.rules.length, RULE_REGISTRY.size);
  const missing = log.runs[0]?.results.find((r) => r.ruleId === 'GOLDEN_MISSING');
  t.is(log.runs[0]?.tool.driver.rules[missing?.ruleIndex ?? -1]?.id, 'GOLDEN_MISSING');
  t.true(missing?.locations?.[0]?.physicalLocation.artifactLocation.uri.endsWith('specs/new/spec.ts') === true, 'no location of its own: the spec file');
});

test('uapi check-tree --format sarif: a location on the old side (REF:path) stays one relative URI', (t) => {
  // check-tree renders through the same table of formats as diff; what is its own is `REF:path` locations.
  const change = { rule: 'FIELD_MOVED', level: 'abi-break', subject: 'struct x.y', abis: ['x86_64'], old: 0, new: 4, message: 'moved', location: { file: 'v6.1:include/uapi/x.h', line: 7, col: 2 } } as const;
  const log = JSON.parse(formatSarif(treeReport({ top: '.', base: 'HEAD', past: 'v6.1', verdict: 'breaking', hazards: 0, abis: ['x86_64'], headers: [{ path: 'include/uapi/x.h', status: 'modified', verdict: 'breaking', changes: [change] }] }))) as Log;
  t.deepEqual(sarifProblems(log), []);
  t.is(log.runs[0]?.results[0]?.locations?.[0]?.physicalLocation.artifactLocation.uri, 'v6.1%3Ainclude/uapi/x.h');
});
