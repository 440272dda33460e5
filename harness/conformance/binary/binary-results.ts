import * as fs from 'node:fs';
import * as path from 'node:path';
import { issue, type Issue } from '../../core/diagnostics/issue';
import { sha256 } from '../../frontend/clang/content-cache';
import { RELEASE_SPEC_FILE, type Release } from '../../contract/release/releases';
import type { BinaryResult } from './run-binary-suite';

/**
 * Golden results of the C suite per release and ABI: `snapshots/<uapi>/binary-results/<version>/<abi>.json`.
 * They live beside the release folders, not in them, because a frozen release is never modified and
 * the releases 1.0.0–1.3.0 were frozen before binaries ran. Each file is bound to its release (the
 * SHA-256 of its spec.json) and to the suite's sources, carries the SHA-256 of its results, is
 * written once (atomically, never over an existing file) and is verified before every use.
 */
export const BINARY_RESULTS_DIR = 'binary-results';

export interface BinaryGolden {
  readonly format: 1;
  readonly uapi: string;
  readonly release: string;
  readonly abi: string;
  /** The working spec version whose core the results were recorded on. */
  readonly recordedOn: string;
  readonly releaseSpecSha256: string;
  readonly suiteSha256: string;
  readonly exitStatus: number | null;
  readonly results: readonly BinaryResult[];
  /** SHA-256 of the JSON text of `results`. */
  readonly resultsSha256: string;
}

export function binaryResultsFile(snapshotsRoot: string, uapi: string, version: string, abi: string): string {
  return path.join(snapshotsRoot, uapi, BINARY_RESULTS_DIR, version, `${abi}.json`);
}

export const releaseSpecSha = (release: Release): string => sha256(fs.readFileSync(path.join(release.dir, RELEASE_SPEC_FILE)));

/** Reads and verifies a golden results file against its release and the suite's sources. */
export function readBinaryGolden(file: string, release: Release, abi: string, suiteSha256: string): { golden?: BinaryGolden; issues: Issue[] } {
  const bad = (message: string): { issues: Issue[] } => ({ issues: [issue('BINARY_RESULTS_DAMAGED', file, message, { file, line: 1, col: 1 })] });
  let g: BinaryGolden;
  try {
    g = JSON.parse(fs.readFileSync(file, 'utf8')) as BinaryGolden;
  } catch (e) {
    return bad(`cannot be read as JSON: ${(e as Error).message}`);
  }
  if (g.format !== 1 || !Array.isArray(g.results) || g.results.some((r) => typeof r?.subtest !== 'string' || typeof r.call !== 'string' || typeof r.result !== 'string')) {
    return bad('is not a golden results file of format 1');
  }
  if (sha256(JSON.stringify(g.results)) !== g.resultsSha256) return bad('its results do not have the SHA-256 it records (edited or damaged): restore it from git');
  if (g.release !== release.version || g.abi !== abi || g.uapi !== release.spec.name) return bad(`belongs to ${g.uapi} ${g.release} (${g.abi}), not ${release.spec.name} ${release.version} (${abi})`);
  if (g.releaseSpecSha256 !== releaseSpecSha(release)) return bad(`was recorded for another ${RELEASE_SPEC_FILE} of ${release.version}`);
  if (g.suiteSha256 !== suiteSha256) {
    return { issues: [issue('BINARY_RESULTS_STALE', file, 'was recorded for other sources of the C suite (harness/conformance/binary): move it away and record again with `npx uapi trace --record`', { file, line: 1, col: 1 })] };
  }
  return { golden: g, issues: [] };
}

export function goldenOf(release: Release, abi: string, recordedOn: string, suiteSha256: string, results: readonly BinaryResult[], exitStatus: number | undefined): BinaryGolden {
  return {
    format: 1, uapi: release.spec.name, release: release.version, abi, recordedOn, releaseSpecSha256: releaseSpecSha(release), suiteSha256,
    exitStatus: exitStatus ?? null, results, resultsSha256: sha256(JSON.stringify(results)),
  };
}

/** Writes a golden results file once: flushed under a temporary name, then linked into place (never over an existing file). */
export function writeBinaryGolden(file: string, golden: BinaryGolden): { written?: string; issues: Issue[] } {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const fd = fs.openSync(tmp, 'wx');
    try {
      fs.writeSync(fd, `${JSON.stringify(golden, null, 1)}\n`);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.linkSync(tmp, file);
    return { written: file, issues: [] };
  } catch (e) {
    return { issues: [issue('BINARY_RESULTS_WRITE', file, `not written: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)] };
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/** The first call answered otherwise than recorded (or made, or left out, only on one side). */
export interface BinaryDivergence {
  readonly index: number;
  readonly recorded?: BinaryResult;
  readonly now?: BinaryResult;
}

export function firstDivergence(recorded: readonly BinaryResult[], now: readonly BinaryResult[]): BinaryDivergence | undefined {
  const n = Math.max(recorded.length, now.length);
  for (let i = 0; i < n; i++) {
    const a = recorded[i];
    const b = now[i];
    if (a !== undefined && b !== undefined && a.subtest === b.subtest && a.call === b.call && a.result === b.result) continue;
    return { index: i, ...(a !== undefined ? { recorded: a } : {}), ...(b !== undefined ? { now: b } : {}) };
  }
  return undefined;
}

/** `subtest cb-create-size-zero, call CB(CREATE, 0): recorded ok, now EINVAL`, for people. */
export function divergenceText(d: BinaryDivergence): string {
  const who = d.recorded ?? d.now;
  const where = who === undefined ? `call ${d.index + 1}` : `subtest ${who.subtest}, call ${who.call}`;
  const side = (r: BinaryResult | undefined): string => (r === undefined ? 'no such call' : r.subtest === who?.subtest && r.call === who.call ? r.result : `${r.subtest} ${r.call} ${r.result}`);
  return `${where} (call ${d.index + 1}): recorded ${side(d.recorded)}; now ${side(d.now)}`;
}
