import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Io } from '../cli/command';
import { runCli } from '../cli/run-cli';
import { CONFIG_FILE } from '../contract/config/config';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs `uapi <argv>` in-process with captured output (as the binary would, minus the process). */
export async function runCliCaptured(argv: readonly string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: Io = { out: (s) => { out += s; }, err: (s) => { err += s; }, isTty: false, env: opts.env ?? {}, cwd: opts.cwd };
  const code = await runCli(argv, io);
  return { code, out, err };
}

/** A throw-away project folder with `specs/<name>/spec.ts` holding `source`. */
export function tempProject(name: string, source: string): string {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-project-'));
  writeSpec(project, name, source);
  return project;
}

export function writeSpec(project: string, name: string, source: string): void {
  fs.mkdirSync(path.join(project, 'specs', name), { recursive: true });
  fs.writeFileSync(path.join(project, 'specs', name, 'spec.ts'), source);
}

const repoRoot = path.resolve(__dirname, '..', '..', '..');

/**
 * A throw-away copy of this repository's specs/ and snapshots/, so commands run on the bundled spec
 * write nothing here; with `quickRuns`, its uapi.config.json gives the property suites that budget.
 */
export function repositoryCopy(quickRuns?: number): string {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-repo-copy-'));
  for (const d of ['specs', 'snapshots']) fs.cpSync(path.join(repoRoot, d), path.join(project, d), { recursive: true });
  if (quickRuns !== undefined) fs.writeFileSync(path.join(project, CONFIG_FILE), `${JSON.stringify({ budgets: { quickRuns } })}\n`);
  return project;
}
