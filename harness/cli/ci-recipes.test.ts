import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import test from 'ava';
import { parse as parseYaml } from 'yaml';
import { repositoryCopy } from '../testing/run-cli-captured';
import { sarifProblems } from '../testing/sarif-shape';

// The CI recipes of the README, run as far as this machine allows: the YAML must have the shape the CI
// system reads, and every `npx uapi` line must run and exit 0 on this repository. Installing packages
// (`apt-get`, `npm ci`) is the CI system's part and is not repeated here; fuzz runs are cut to one round.
// The GitHub and GitLab recipes test the wiring of their lines (flags, shards, files, merge), so their
// project's uapi.config.json gives the quick suite a budget of WIRING_RUNS runs per property (which both
// `uapi check` and each fuzz round take from there), and so does the plain shell recipe's copy, which
// must pass and then fail on a renumbered ioctl (the suite at the default budget is
// harness/conformance/pbt/quick-suite.test.ts's).

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const uapiBin = path.join(repoRoot, 'bin', 'uapi.js');
const WIRING_RUNS = 5;

function recipe(name: string): string {
  const marker = `<!-- ci-recipe: ${name} -->`;
  const at = readme.indexOf(marker);
  if (at < 0) throw new Error(`README has no ${marker}`);
  const m = /```[a-z]*\n([\s\S]*?)```/.exec(readme.slice(at));
  if (m === null) throw new Error(`no code block after ${marker}`);
  return m[1] as string;
}

const execFileAsync = promisify(execFile);

/**
 * Runs one recipe line with bash after the substitutions a CI system would make. Asynchronous, so the
 * shards of a fuzz job run side by side as the CI system's parallel jobs do.
 */
async function runLine(line: string, cwd: string, vars: Readonly<Record<string, string>>): Promise<{ code: number; out: string }> {
  let cmd = line.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_m, expr: string) => {
    const v = vars[expr.trim()];
    if (v === undefined) throw new Error(`no value for \${{ ${expr} }} in: ${line}`);
    return v;
  });
  cmd = cmd.replace(/--time \S+/g, '--rounds 1').replace(/\bnpx uapi\b/g, `node ${JSON.stringify(uapiBin)}`);
  try {
    const r = await execFileAsync('bash', ['-c', cmd], { cwd, encoding: 'utf8', env: { ...process.env, ...vars, CI: 'true' }, timeout: 240_000, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, out: `${r.stdout}${r.stderr}` };
  } catch (e) {
    // A non-zero exit (or a kill at the timeout) rejects with the streams and the status attached.
    const x = e as { code?: unknown; stdout?: string; stderr?: string; message?: string };
    return { code: typeof x.code === 'number' ? x.code : -1, out: `${x.stdout ?? ''}${x.stderr ?? ''}${typeof x.code === 'number' ? '' : (x.message ?? '')}` };
  }
}

const uapiLines = (lines: readonly unknown[]): string[] => lines.filter((l): l is string => typeof l === 'string' && l.includes('npx uapi'));

test('GitHub Actions recipe: a workflow with the gate, a sharded nightly fuzz and a merge, whose uapi lines run', async (t) => {
  const wf = parseYaml(recipe('github')) as { on: Record<string, unknown>; jobs: Record<string, { steps: { run?: string; uses?: string }[]; strategy?: { matrix: { shard: number[] } }; needs?: string }> };
  t.truthy(wf.on['pull_request'] !== undefined && wf.on['schedule'] !== undefined);
  t.deepEqual(Object.keys(wf.jobs), ['gate', 'fuzz', 'fuzz-report']);
  for (const [name, job] of Object.entries(wf.jobs)) {
    for (const s of job.steps) t.true((s.run === undefined) !== (s.uses === undefined), `${name}: a step runs a command or uses an action`);
  }
  const shards = wf.jobs['fuzz']?.strategy?.matrix.shard ?? [];
  t.deepEqual(shards, [1, 2, 3, 4]);
  t.is(wf.jobs['fuzz-report']?.needs, 'fuzz');

  const project = repositoryCopy(WIRING_RUNS);
  for (const line of uapiLines((wf.jobs['gate']?.steps ?? []).map((s) => s.run))) {
    const r = await runLine(line, project, { 'github.run_id': '7' });
    t.is(r.code, 0, `${line}\n${r.out}`);
    t.regex(r.out, /::notice title=uapi check::pass/);
  }
  const upload = wf.jobs['gate']?.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif') === true) as { with?: { sarif_file?: string } } | undefined;
  t.is(upload?.with?.sarif_file, 'reports/report.sarif');
  t.deepEqual(sarifProblems(JSON.parse(fs.readFileSync(path.join(project, 'reports', 'report.sarif'), 'utf8'))), [], 'the gate wrote the SARIF the recipe uploads');
  await Promise.all(shards.map(async (shard) => {
    for (const line of uapiLines((wf.jobs['fuzz']?.steps ?? []).map((s) => s.run))) {
      const r = await runLine(line, project, { 'github.run_id': '7', 'matrix.shard': String(shard) });
      t.is(r.code, 0, `${line} (shard ${shard})\n${r.out}`);
    }
  }));
  for (const line of uapiLines((wf.jobs['fuzz-report']?.steps ?? []).map((s) => s.run))) {
    const r = await runLine(line, project, {});
    t.is(r.code, 0, `${line}\n${r.out}`);
    t.like(JSON.parse(r.out), { failures: [] });
  }
});

test('GitLab CI recipe: a gate with a JUnit report, parallel fuzz jobs and a merge, whose uapi lines run', async (t) => {
  const ci = parseYaml(recipe('gitlab')) as Record<string, { script: string[]; parallel?: number; needs?: string[]; artifacts?: { reports?: { junit?: string } } }>;
  t.deepEqual(Object.keys(ci), ['uapi-gate', 'uapi-fuzz', 'uapi-fuzz-report']);
  t.is(ci['uapi-gate']?.artifacts?.reports?.junit, 'uapi-junit.xml');
  t.is(ci['uapi-fuzz']?.parallel, 4);
  t.deepEqual(ci['uapi-fuzz-report']?.needs, ['uapi-fuzz']);

  const project = repositoryCopy(WIRING_RUNS);
  for (const line of uapiLines(ci['uapi-gate']?.script ?? [])) {
    const r = await runLine(line, project, { CI_PIPELINE_ID: '7' });
    t.is(r.code, 0, `${line}\n${r.out}`);
    t.regex(fs.readFileSync(path.join(project, 'uapi-junit.xml'), 'utf8'), /<testsuites name="uapi check"/);
  }
  const nodes = Array.from({ length: ci['uapi-fuzz']?.parallel ?? 0 }, (_x, k) => k + 1);
  await Promise.all(nodes.map(async (i) => {
    for (const line of uapiLines(ci['uapi-fuzz']?.script ?? [])) {
      const r = await runLine(line, project, { CI_PIPELINE_ID: '7', CI_NODE_INDEX: String(i), CI_NODE_TOTAL: '4' });
      t.is(r.code, 0, `${line} (node ${i})\n${r.out}`);
    }
  }));
  for (const line of uapiLines(ci['uapi-fuzz-report']?.script ?? [])) {
    const r = await runLine(line, project, {});
    t.is(r.code, 0, `${line}\n${r.out}`);
  }
});

test('the plain shell recipe gates with its exit code', async (t) => {
  const line = recipe('shell').trim();
  t.regex(line, /^npm ci && npx uapi check$/);
  const project = repositoryCopy(WIRING_RUNS);
  const r = await runLine(line.replace(/^npm ci && /, ''), project, {});
  t.is(r.code, 0, r.out);
  t.regex(r.out, /uapi check: pass/);
  // A renumbered ioctl in the working spec: the same line fails the build (exit 1).
  const ioctls = path.join(project, 'specs', 'habanalabs', 'ioctls.ts');
  const text = fs.readFileSync(ioctls, 'utf8');
  t.true(text.includes('export const HL_IOCTL_DEBUG = 0x05;'));
  fs.writeFileSync(ioctls, text.replace('export const HL_IOCTL_DEBUG = 0x05;', 'export const HL_IOCTL_DEBUG = 0x06;'));
  const broken = await runLine(line.replace(/^npm ci && /, ''), project, {});
  t.is(broken.code, 1, broken.out);
  t.regex(broken.out, /uapi check: fail/);
});
