import * as fs from 'node:fs';
import * as path from 'node:path';
import * as semver from 'semver';
import type { Abi } from '../core/layout/abi';
import { diffSpecs, type PolicyName, type Waiver } from '../contract/diff';
import { issue, type Issue } from '../core/diagnostics/issue';
import { compareGoldens, goldenFiles } from '../contract/snapshot';
import { toCanonical } from '../core/model/canonical';
import type { Spec } from '../core/model/model';
import { toJson } from '../core/util/json';
import { emulatorProblem } from '../conformance/pbt/run/suite-setup';
import { recordReleaseTrace } from '../conformance/trace/release-trace';
import { traceText } from '../conformance/trace/trace-file';
import { TRACE_FILE } from '../conformance/trace/trace-format';
import { faultPoint } from '../contract/release/fault-point';
import { manifestText } from '../contract/release/manifest';
import { recoverStore } from '../contract/release/recover-store';
import { listReleases, releaseErrors, type Release } from '../contract/release/releases';
import { recordBinaryResults } from '../conformance/binary/record-binary-results';
import { acquireStoreLock } from '../contract/release/store-lock';
import { isReleased, MANIFEST_FILE, RELEASE_SPEC_FILE, REPLACED_PREFIX, shownPath, STAGING_PREFIX, storeDir } from '../contract/release/store-layout';

export interface FreezeOptions {
  readonly snapshotsRoot: string;
  readonly abis: readonly Abi[];
  readonly policy: PolicyName;
  readonly waivers: readonly Waiver[];
  /** Folder messages show paths relative to (default: the process's). */
  readonly cwd?: string;
}

export interface FreezeResult {
  /** The release's spec.json, when released. */
  readonly written?: string;
  readonly trace?: string;
  /** The C client suite's golden results, per ABI this machine builds (snapshots/<uapi>/binary-results/<version>/). */
  readonly binaryResults?: readonly string[];
  /** Why nothing was released (errors). */
  readonly issues: Issue[];
  /** What was cleaned up before (warnings). */
  readonly notes: Issue[];
}

/** Writes a file and makes it durable before the folder holding it is renamed into place. */
function writeDurable(file: string, text: string): void {
  const fd = fs.openSync(file, 'wx');
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try { fs.fsyncSync(fd); } finally { fs.closeSync(fd); }
}

/**
 * Freezes the working spec as a release `snapshots/<uapi>/<version>/`: its goldens, its canonical
 * spec.json, and trace.json, the golden ioctl trace of its suite on the emulated core (for a uAPI
 * the core speaks), then, last, SHA256SUMS. Then, beside the release, the golden results of its C
 * client suite (snapshots/<uapi>/binary-results/<version>/<abi>.json).
 *
 * Atomic and exclusive: under the store lock (a second writer is refused), everything is written
 * into `.staging-<version>-<pid>` beside the target and renamed into place once complete, so a
 * release either exists whole or not at all; what an interrupted one left is cleaned up first.
 * Refuses (writing nothing) when the release exists, when the goldens differ, when the version is
 * not above every release, when the diff against any release breaks the policy, or when the suite
 * the trace comes from fails.
 */
export function freezeRelease(spec: Spec, o: FreezeOptions): FreezeResult {
  const cwd = o.cwd ?? process.cwd();
  const base = storeDir(o.snapshotsRoot, spec.name);
  const l = acquireStoreLock(base, `uapi release ${spec.name} ${spec.version}`, cwd);
  if (l.lock === undefined) return { issues: l.issues, notes: l.notes };
  const notes = [...l.notes];
  try {
    notes.push(...recoverStore(base, cwd));
    faultPoint('locked');
    const r = freezeLocked(spec, o, base, cwd);
    if (r.written === undefined || emulatorProblem(spec) !== undefined) return { ...r, notes };
    // The release is in place; its C suite's golden results go beside it (never into it), still under
    // the lock. An ABI this machine cannot build, or a run that fails, is a warning: record later with
    // `uapi trace --record`.
    const release: Release = { version: spec.version, dir: path.dirname(r.written), spec, sealed: true };
    const b = recordBinaryResults(spec, [release], o.snapshotsRoot);
    notes.push(...[...b.skipped, ...b.issues].map((i) => ({ ...i, severity: 'warning' as const, message: `binary results not recorded: ${i.message.split('\n')[0] ?? ''}` })));
    return { ...r, binaryResults: b.written, notes };
  } finally {
    l.lock.release();
  }
}

function freezeLocked(spec: Spec, o: FreezeOptions, base: string, cwd: string): Omit<FreezeResult, 'notes'> {
  const dir = path.join(base, spec.version);
  const shownDir = shownPath(dir, cwd);
  const where = `${spec.name} ${spec.version}`;
  const at = { file: shownDir, line: 1, col: 1 };
  if (fs.existsSync(dir) && (!fs.statSync(dir).isDirectory() || isReleased(dir))) {
    return { issues: [issue('RELEASE_EXISTS', where, `${shownDir} is released already: a release is never rewritten; bump the version in the spec`, at)] };
  }
  const goldens = goldenFiles(spec, o.abis);
  const stale = compareGoldens(o.snapshotsRoot, goldens).filter((r) => r.status !== 'same');
  if (stale.length > 0) return { issues: [issue('RELEASE_GOLDENS', where, `${stale.length} golden file(s) differ or are missing: run \`npx uapi snapshot --update\`, review and commit them first`, at)] };
  // The working folder is replaced by the release: anything in it besides the goldens would be lost.
  const goldenNames = new Set(goldens.map((g) => path.basename(g.relPath)));
  const foreign = fs.readdirSync(dir).filter((n) => !goldenNames.has(n));
  if (foreign.length > 0) return { issues: [issue('RELEASE_FOREIGN_FILES', where, `${shownDir} holds files that are not goldens (${foreign.join(', ')}); a release folder holds only what uapi release writes: move them elsewhere first`, at)] };

  const listed = listReleases(o.snapshotsRoot, spec.name, { cwd });
  const errors = releaseErrors(listed.issues);
  if (errors.length > 0) return { issues: errors };
  const problems: Issue[] = [];
  for (const r of listed.releases) {
    if (!semver.gt(spec.version, r.version)) {
      problems.push(issue('RELEASE_VERSION', where, `version ${spec.version} is not above the released ${r.version}`, at));
      continue;
    }
    const d = diffSpecs({ spec: r.spec, label: r.version, headerMode: false }, { spec, label: spec.version, headerMode: false }, { abis: o.abis, policy: o.policy, waivers: o.waivers });
    if (d.verdict === 'breaking') {
      const first = d.changes.filter((c) => c.waived !== true && c.allowedByPolicy !== true && ['abi-break', 'value-break', 'behavior-break'].includes(c.level)).slice(0, 5);
      problems.push(issue('RELEASE_BREAKS', where, `breaks release ${r.version} under the ${o.policy} policy: ${first.map((c) => `${c.rule} ${c.subject}`).join('; ')}`, at));
    }
  }
  if (problems.length > 0) return { issues: problems };
  // The golden trace of this release's userspace on today's core, when the emulated core speaks the uAPI.
  const traced = emulatorProblem(spec) === undefined ? recordReleaseTrace(spec, spec) : undefined;
  if (traced !== undefined && traced.trace === undefined) return { issues: traced.issues };

  const staging = path.join(base, `${STAGING_PREFIX}${spec.version}-${process.pid}`);
  const replaced = path.join(base, `${REPLACED_PREFIX}${spec.version}-${process.pid}`);
  try {
    fs.mkdirSync(staging);
    for (const g of goldens) writeDurable(path.join(staging, path.basename(g.relPath)), g.expected);
    writeDurable(path.join(staging, RELEASE_SPEC_FILE), toJson(toCanonical(spec)) + '\n');
    if (traced?.trace !== undefined) writeDurable(path.join(staging, TRACE_FILE), traceText(traced.trace));
    faultPoint('staged');
    writeDurable(path.join(staging, MANIFEST_FILE), manifestText(staging, fs.readdirSync(staging)));
    fsyncDir(staging);
    faultPoint('sealed');
    // rename(2) does not replace a folder that has files: the working goldens step aside first, and
    // go back if anything fails before the release is in place (recoverStore does it after a kill).
    if (fs.existsSync(dir)) fs.renameSync(dir, replaced);
    faultPoint('replaced');
    fs.renameSync(staging, dir);
    fsyncDir(base);
    fs.rmSync(replaced, { recursive: true, force: true });
  } catch (e) {
    fs.rmSync(staging, { recursive: true, force: true });
    if (fs.existsSync(replaced) && !fs.existsSync(dir)) fs.renameSync(replaced, dir);
    return { issues: [issue('RELEASE_WRITE', where, `could not write the release (nothing was released): ${(e as Error).message}`, at)] };
  }
  return {
    written: path.join(dir, RELEASE_SPEC_FILE),
    ...(traced?.trace !== undefined ? { trace: path.join(dir, TRACE_FILE) } : {}),
    issues: [],
  };
}
