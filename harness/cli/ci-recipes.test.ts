import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'ava';
import { parse as parseYaml } from 'yaml';

// The CI recipes of the README, run as far as this machine allows: the YAML must have the shape the CI
// system reads, and every `npx uapi` line must run and exit 0 on this repository. Installing packages
// (`apt-get`, `npm ci`) is the CI system's part and is not repeated here; fuzz runs are cut to one round.

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const uapiBin = path.join(repoRoot, 'bin', 'uapi.js');

function recipe(name: string): string {
  const marker = `<!-- ci-recipe: ${name} -->`;
  const at = readme.indexOf(marker);
  if (at < 0) throw new Error(`README has no ${marker}`);
  const m = /```[a-z]*\n([\s\S]*?)```/.exec(readme.slice(at));
  if (m === null) throw new Error(`no code block after ${marker}`);
  return m[1] as string;
}

/** A scratch project holding this repository's specs and snapshots, so runs write nothing here. */
function scratchProject(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-ci-'));
  for (const d of ['specs', 'snapshots']) fs.cpSync(path.join(repoRoot, d), path.join(dir, d), { recursive: true });
  return dir;
}

/** Runs one recipe line with bash after the substitutions a CI system would make. */
function runLine(line: string, cwd: string, vars: Readonly<Record<string, string>>): { code: number; out: string } {
  let cmd = line.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_m, expr: string) => {
    const v = vars[expr.trim()];
    if (v === undefined) throw new Error(`no value for \${{ ${expr} }} in: ${line}`);
    return v;
  });
  cmd = cmd.replace(/--time \S+/g, '--rounds 1').replace(/\bnpx uapi\b/g, `node ${JSON.stringify(uapiBin)}`);
  const r = spawnSync('bash', ['-c', cmd], { cwd, encoding: 'utf8', env: { ...process.env, ...vars, CI: 'true' }, timeout: 240_000 });
  return { code: r.status ?? -1, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

const uapiLines = (lines: readonly unknown[]): string[] => lines.filter((l): l is string => typeof l === 'string' && l.includes('npx uapi'));

test('GitHub Actions recipe: a workflow with the gate, a sharded nightly fuzz and a merge, whose uapi lines run', (t) => {
  const wf = parseYaml(recipe('github')) as { on: Record<string, unknown>; jobs: Record<string, { steps: { run?: string; uses?: string }[]; strategy?: { matrix: { shard: number[] } }; needs?: string }> };
  t.truthy(wf.on['pull_request'] !== undefined && wf.on['schedule'] !== undefined);
  t.deepEqual(Object.keys(wf.jobs), ['gate', 'fuzz', 'fuzz-report']);
  for (const [name, job] of Object.entries(wf.jobs)) {
    for (const s of job.steps) t.true((s.run === undefined) !== (s.uses === undefined), `${name}: a step runs a command or uses an action`);
  }
  const shards = wf.jobs['fuzz']?.strategy?.matrix.shard ?? [];
  t.deepEqual(shards, [1, 2, 3, 4]);
  t.is(wf.jobs['fuzz-report']?.needs, 'fuzz');

  const project = scratchProject();
  for (const line of uapiLines((wf.jobs['gate']?.steps ?? []).map((s) => s.run))) {
    const r = runLine(line, project, { 'github.run_id': '7' });
    t.is(r.code, 0, `${line}\n${r.out}`);
    t.regex(r.out, /::notice title=uapi check::pass/);
  }
  for (const shard of shards) {
    for (const line of uapiLines((wf.jobs['fuzz']?.steps ?? []).map((s) => s.run))) {
      const r = runLine(line, project, { 'github.run_id': '7', 'matrix.shard': String(shard) });
      t.is(r.code, 0, `${line} (shard ${shard})\n${r.out}`);
    }
  }
  for (const line of uapiLines((wf.jobs['fuzz-report']?.steps ?? []).map((s) => s.run))) {
    const r = runLine(line, project, {});
    t.is(r.code, 0, `${line}\n${r.out}`);
    t.like(JSON.parse(r.out), { failures: [] });
  }
});

test('GitLab CI recipe: a gate with a JUnit report, parallel fuzz jobs and a merge, whose uapi lines run', (t) => {
  const ci = parseYaml(recipe('gitlab')) as Record<string, { script: string[]; parallel?: number; needs?: string[]; artifacts?: { reports?: { junit?: string } } }>;
  t.deepEqual(Object.keys(ci), ['uapi-gate', 'uapi-fuzz', 'uapi-fuzz-report']);
  t.is(ci['uapi-gate']?.artifacts?.reports?.junit, 'uapi-junit.xml');
  t.is(ci['uapi-fuzz']?.parallel, 4);
  t.deepEqual(ci['uapi-fuzz-report']?.needs, ['uapi-fuzz']);

  const project = scratchProject();
  for (const line of uapiLines(ci['uapi-gate']?.script ?? [])) {
    const r = runLine(line, project, { CI_PIPELINE_ID: '7' });
    t.is(r.code, 0, `${line}\n${r.out}`);
    t.regex(fs.readFileSync(path.join(project, 'uapi-junit.xml'), 'utf8'), /<testsuites name="uapi check"/);
  }
  for (let i = 1; i <= (ci['uapi-fuzz']?.parallel ?? 0); i++) {
    for (const line of uapiLines(ci['uapi-fuzz']?.script ?? [])) {
      const r = runLine(line, project, { CI_PIPELINE_ID: '7', CI_NODE_INDEX: String(i), CI_NODE_TOTAL: '4' });
      t.is(r.code, 0, `${line} (node ${i})\n${r.out}`);
    }
  }
  for (const line of uapiLines(ci['uapi-fuzz-report']?.script ?? [])) {
    const r = runLine(line, project, {});
    t.is(r.code, 0, `${line}\n${r.out}`);
  }
});

test('the plain shell recipe gates with its exit code', (t) => {
  const line = recipe('shell').trim();
  t.regex(line, /^npm ci && npx uapi check$/);
  const r = runLine(line.replace(/^npm ci && /, ''), scratchProject(), {});
  t.is(r.code, 0, r.out);
  t.regex(r.out, /uapi check: pass/);
});
