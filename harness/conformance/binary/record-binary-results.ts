import * as fs from 'node:fs';
import type { Issue } from '../../core/diagnostics/issue';
import { findAbi, type Abi } from '../../core/layout/abi';
import type { Spec } from '../../core/model/model';
import { sha256 } from '../../frontend/clang/content-cache';
import type { Release } from '../../contract/release/releases';
import { binaryResultsFile, goldenOf, writeBinaryGolden } from './binary-results';
import { binarySuiteSources } from './binary-suite';
import { runBinarySuite } from './run-binary-suite';

/** The ABIs the C suite is built for, in order (where this machine runs them: see native-abi.ts). */
export const BINARY_ABIS: readonly Abi[] = ['x86_64', 'i386'].map((n) => findAbi(n) as Abi);

export const binarySuiteSha = (): string => sha256(binarySuiteSources());

/**
 * Records the golden results of every release and ABI that has none, on the core of `core` (the
 * working spec): what `uapi trace --record` does for releases frozen before binaries ran. Never
 * rewrites a file. An ABI this machine cannot build or run is left out and said (`skipped`).
 */
export function recordBinaryResults(core: Spec, releases: readonly Release[], snapshotsRoot: string, abis: readonly Abi[] = BINARY_ABIS): { written: string[]; skipped: Issue[]; issues: Issue[] } {
  const written: string[] = [];
  const skipped: Issue[] = [];
  const suiteSha = binarySuiteSha();
  for (const r of releases) {
    for (const abi of abis) {
      const file = binaryResultsFile(snapshotsRoot, r.spec.name, r.version, abi.name);
      if (fs.existsSync(file)) continue;
      const run = runBinarySuite(r.spec, core, abi);
      if (run.suite === undefined) {
        skipped.push(...run.issues);
        continue;
      }
      if (run.suite.run.problem !== undefined || run.suite.run.exitStatus !== 0) {
        return { written, skipped, issues: [{ code: 'BINARY_RUN_FAILED', severity: 'error', path: `${r.version} (${abi.name})`, message: `the C suite did not run to its end: ${run.suite.run.problem ?? `exit status ${run.suite.run.exitStatus}`}\n${run.suite.run.stderr}` }] };
      }
      const w = writeBinaryGolden(file, goldenOf(r, abi.name, core.version, suiteSha, run.suite.results, run.suite.run.exitStatus));
      if (w.written === undefined) return { written, skipped, issues: w.issues };
      written.push(w.written);
    }
  }
  return { written, skipped, issues: [] };
}
