import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Issue } from '../../../core/diagnostics/issue';
import { findAbi } from '../../../core/layout/abi';
import { findProperty } from '../properties/catalogue';
import type { SuiteContext } from '../properties/suite-property';
import { readFailureFile, type FailureFile } from './failure-file';
import { replayData, runProperty, type PropertyOutcome } from './run-property';

/** Where a uAPI's regression corpus lives: `snapshots/<uapi>/regressions/*.json`. */
export function corpusDir(snapshotsRoot: string, specName: string): string {
  return path.join(snapshotsRoot, specName, 'regressions');
}

export interface CorpusEntry {
  readonly file: string;
  readonly failure: FailureFile;
}

/** Every failure file of a corpus folder (none when it does not exist), in name order. */
export function loadCorpus(dir: string): { entries: CorpusEntry[]; issues: Issue[] } {
  if (!fs.existsSync(dir)) return { entries: [], issues: [] };
  const entries: CorpusEntry[] = [];
  const issues: Issue[] = [];
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const file = path.join(dir, name);
    const r = readFailureFile(file);
    if (r.failure !== undefined) entries.push({ file, failure: r.failure });
    issues.push(...r.issues);
  }
  return { entries, issues };
}

/**
 * Replays one failure in `base` (its spec, its mutations, its counter), on the failure's ABI and
 * mirror: the stored counterexample when there is one (exact, even after the generators changed),
 * otherwise fast-check's seed and path. Undefined when the property or an ABI is unknown.
 */
export function replayFailure(f: FailureFile, base: Omit<SuiteContext, 'abi' | 'mirror'>): PropertyOutcome | undefined {
  const p = findProperty(f.property);
  const abi = findAbi(f.abi);
  const mirror = f.mirror !== undefined ? findAbi(f.mirror) : undefined;
  if (p === undefined || abi === undefined || (f.mirror !== undefined && mirror === undefined)) return undefined;
  const ctx: SuiteContext = { ...base, abi, mirror };
  const skip = p.skip(ctx);
  if (skip !== undefined) return { name: p.id, id: p.id, abi: abi.name, verdict: 'skip', runs: 0, seed: f.seed, message: skip, ioctls: 0, ms: 0 };
  if (f.counterexample !== undefined) return { ...replayData(p, ctx, f.counterexample), seed: f.seed, ...(f.path !== undefined ? { path: f.path } : {}) };
  return runProperty(p, ctx, { seed: f.seed, numRuns: 1, ...(f.path !== undefined ? { path: f.path } : {}), ...(f.replayPath !== undefined ? { replayPath: f.replayPath } : {}) });
}
