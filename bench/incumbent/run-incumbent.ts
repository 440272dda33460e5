import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Issue } from '../../harness/core/diagnostics/issue';
import { runAbidiff, type AbidiffOutcome } from './abidiff-verdict';
import { compileHeaderLikeCheckUapi } from './compile-header';
import type { IncumbentTools } from './incumbent-tools';

/** check-uapi.sh's verdict on one header pair (host ABI only) and where the time went. */
export interface IncumbentRun {
  readonly outcome: AbidiffOutcome;
  readonly timing: { readonly compileMs: number; readonly abidiffMs: number; readonly totalMs: number };
}

export interface IncumbentOptions {
  /** `-I` directories for both compiles (check-uapi.sh passes the installed header tree). */
  readonly includeDirs?: readonly string[];
  /** `-I` directories for the old side only, when the two versions come from different trees. */
  readonly oldIncludeDirs?: readonly string[];
}

/**
 * Runs check-uapi.sh's pipeline on two header files: gcc compiles each into a shared object with
 * full debug info, abidiff compares the objects, and the script's rule turns the exit code and
 * summary into a verdict. Work files live in a temporary folder that is removed afterwards.
 */
export function runIncumbentOnFiles(oldHeader: string, newHeader: string, tools: IncumbentTools, options: IncumbentOptions = {}): { run?: IncumbentRun; issues: Issue[] } {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-incumbent-'));
  try {
    const started = performance.now();
    const oldObject = path.join(work, 'old.so');
    const newObject = path.join(work, 'new.so');
    const include = options.includeDirs ?? [];
    const a = compileHeaderLikeCheckUapi(tools.cc, oldHeader, oldObject, options.oldIncludeDirs ?? include);
    const b = compileHeaderLikeCheckUapi(tools.cc, newHeader, newObject, include);
    if (!a.ok || !b.ok) return { issues: [...a.issues, ...b.issues] };
    const compiled = performance.now();
    const d = runAbidiff(tools.abidiff, oldObject, newObject);
    const done = performance.now();
    if (d.outcome === undefined) return { issues: d.issues };
    return { run: { outcome: d.outcome, timing: { compileMs: compiled - started, abidiffMs: done - compiled, totalMs: done - started } }, issues: [] };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Two versions of one header, as text, under the file name both versions have. */
export interface HeaderPair {
  readonly fileName: string;
  readonly oldText: string;
  readonly newText: string;
}

/**
 * The same pipeline on header texts: each version is written as `old/<fileName>` and
 * `new/<fileName>` so that abidiff's locations name the header as users know it.
 */
export function runIncumbent(pair: HeaderPair, tools: IncumbentTools, options: IncumbentOptions = {}): { run?: IncumbentRun; issues: Issue[] } {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-incumbent-pair-'));
  try {
    const oldHeader = path.join(work, 'old', pair.fileName);
    const newHeader = path.join(work, 'new', pair.fileName);
    fs.mkdirSync(path.dirname(oldHeader), { recursive: true });
    fs.mkdirSync(path.dirname(newHeader), { recursive: true });
    fs.writeFileSync(oldHeader, pair.oldText);
    fs.writeFileSync(newHeader, pair.newText);
    return runIncumbentOnFiles(oldHeader, newHeader, tools, options);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
