import { spawnSync } from 'node:child_process';
import { issue, type Issue } from '../../harness/core/diagnostics/issue';

/** libabigail's abidiff exit status is a bit set (documented in its manual). */
const ABIDIFF_ERROR = 1;
const ABIDIFF_USAGE_ERROR = 2;

/** What check-uapi.sh would conclude from one abidiff run, and what abidiff named. */
export interface AbidiffOutcome {
  /** `breaking` when the script would fail the header; `passes` otherwise. */
  readonly verdict: 'breaking' | 'passes';
  readonly exitCode: number;
  /** Types abidiff reported, as it names them (`struct acme_cb_in`). */
  readonly changedTypes: readonly string[];
  readonly removedTypes: readonly string[];
  readonly addedTypes: readonly string[];
  /** abidiff's own report, for people. */
  readonly report: string;
}

const SUMMARY = /Unreachable types summary: (\d+) removed, (\d+) changed/;
const TYPE_LINE = /^\s*\[([CDA])\] '([^']+)'/gm;

/**
 * Interprets an abidiff run the way check-uapi.sh does: exit 0 passes; an error bit means abidiff
 * did not run properly (an issue, not a verdict); otherwise the header fails unless the
 * "Unreachable types summary" shows nothing removed and nothing changed (additions only). The
 * objects export no interface but `f`, so every type is "unreachable" and that line is the one
 * that counts (the script passes `--non-reachable-types`).
 */
export function interpretAbidiff(exitCode: number | null, signal: string | null, stdout: string, stderr: string): { outcome?: AbidiffOutcome; issues: Issue[] } {
  if (exitCode === null || (exitCode & (ABIDIFF_ERROR | ABIDIFF_USAGE_ERROR)) !== 0) {
    const how = exitCode === null ? `was killed by ${signal ?? 'a signal'}` : `exited with ${exitCode}`;
    const detail = stderr.trim() === '' ? '' : `: ${stderr.trim().split('\n')[0] ?? ''}`;
    return { issues: [issue('INCUMBENT_FAILED', 'abidiff', `abidiff did not run properly (${how})${detail}`)] };
  }
  const named = { C: [] as string[], D: [] as string[], A: [] as string[] };
  for (const m of stdout.matchAll(TYPE_LINE)) named[m[1] as 'C' | 'D' | 'A'].push(m[2] as string);
  const summary = SUMMARY.exec(stdout);
  const onlyAdditions = summary !== null && summary[1] === '0' && summary[2] === '0';
  const verdict = exitCode === 0 || onlyAdditions ? 'passes' : 'breaking';
  return {
    outcome: { verdict, exitCode, changedTypes: named.C, removedTypes: named.D, addedTypes: named.A, report: stdout },
    issues: [],
  };
}

/**
 * `abidiff --non-reachable-types OLD NEW`, as check-uapi.sh calls it but without its
 * `--suppressions` file: libabigail 2.2 (Debian bookworm) crashes on some of those suppressions and
 * wrongly applies others, so the plain comparison is what is measured.
 */
export function runAbidiff(abidiff: string, oldObject: string, newObject: string): { outcome?: AbidiffOutcome; issues: Issue[] } {
  const r = spawnSync(abidiff, ['--non-reachable-types', oldObject, newObject], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error !== undefined) return { issues: [issue('INCUMBENT_FAILED', 'abidiff', `cannot run ${abidiff}: ${r.error.message}`)] };
  return interpretAbidiff(r.status, r.signal, r.stdout, r.stderr);
}
