import * as fs from 'node:fs';
import * as path from 'node:path';
import { issue, type Issue } from '../../core/diagnostics/issue';
import type { Abi } from '../../core/layout/abi';
import { suiteAbis } from '../pbt/run/suite-setup';
import type { Release } from '../../contract/release/releases';
import type { Spec } from '../../core/model/model';
import { recordTrace } from './record-trace';
import { traceText } from './trace-file';
import { TRACE_FILE, type Trace } from './trace-format';

/** Where a release's golden trace lives. */
export const traceFileOf = (releaseDir: string): string => path.join(releaseDir, TRACE_FILE);

/**
 * Records the golden trace of a release's userspace (the client spec) on the core implementing
 * `deviceSpec`, on the suite's ABIs; refuses when the suite fails, since a trace of wrong answers
 * would hold the core to them.
 */
export function recordReleaseTrace(client: Spec, deviceSpec: Spec, abis: readonly Abi[] = suiteAbis(undefined)): { trace?: Trace; issues: Issue[] } {
  const r = recordTrace(client, { deviceSpec, abis });
  if (r.trace !== undefined) return { trace: r.trace, issues: [] };
  return {
    issues: r.failures.map((f) => issue('TRACE_SUITE_FAILS', `${client.name} ${client.version}`, `no trace recorded: ${f.name} fails on the ${deviceSpec.version} core: ${(f.message ?? '').split('\n')[0] ?? ''}`)),
  };
}

const existing = (file: string): Issue => issue('TRACE_EXISTS', file, 'the release has a trace already: golden traces are never rewritten');

/** Writes a trace into a release folder that has none; a trace, once written, is never rewritten. */
export function writeReleaseTrace(releaseDir: string, trace: Trace): { written?: string; issues: Issue[] } {
  const file = traceFileOf(releaseDir);
  if (fs.existsSync(file)) return { issues: [existing(file)] };
  fs.writeFileSync(file, traceText(trace));
  return { written: file, issues: [] };
}

/** Records and writes the trace of a frozen release (old userspace on the working spec's core). */
export function addReleaseTrace(release: Release, deviceSpec: Spec): { written?: string; issues: Issue[] } {
  if (fs.existsSync(traceFileOf(release.dir))) return { issues: [existing(traceFileOf(release.dir))] };
  const r = recordReleaseTrace(release.spec, deviceSpec);
  return r.trace === undefined ? { issues: r.issues } : writeReleaseTrace(release.dir, r.trace);
}
