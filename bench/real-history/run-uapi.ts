import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { spawnAsync } from '../scale/spawn-async';

/** The CLI this checkout builds; `--uapi` points the scorer at another build. */
export const DEFAULT_UAPI_BIN = path.resolve(__dirname, '..', '..', '..', 'bin', 'uapi.js');

/** How the two sides get their include trees: each its own, or (an older build) the new tree for both. */
export type SideIncludes = 'per-side' | 'new-tree-for-both';

/** Whether this build's `uapi diff` takes `--old-include` / `--new-include` (asked once, from its help). */
export function sideIncludesOf(uapiBin: string): SideIncludes {
  const r = spawnSync(process.execPath, [uapiBin, 'diff', '--help'], { encoding: 'utf8' });
  return /--old-include/.test(r.stdout ?? '') && /--new-include/.test(r.stdout ?? '') ? 'per-side' : 'new-tree-for-both';
}

/** Whether this build's `uapi diff` takes `--old-tree` (the old kernel's sources). */
export function oldTreeOf(uapiBin: string): boolean {
  const r = spawnSync(process.execPath, [uapiBin, 'diff', '--help'], { encoding: 'utf8' });
  return /--old-tree/.test(r.stdout ?? '');
}

/**
 * The include flags of one pair — the one place that decides them. Each side is compiled against
 * its own tree when the build can (`--old-include OLD --new-include NEW`); before that, `-I NEW`
 * serves both sides, as issue 15 measured. Each side searches the newest tree after its own, for the
 * files its package does not install at all: Debian's 5.10 and 6.1 linux-libc-dev leave `drm/` to
 * libdrm-dev, and kfd_ioctl.h includes `drm/drm.h` (for types unchanged since); every file a side's
 * package has still comes from that side's tree.
 */
export function includeArgs(mode: SideIncludes, oldTree: string, newTree: string, newestTree: string): string[] {
  if (mode !== 'per-side') return ['-I', newTree];
  const fallback = (side: string, tree: string): string[] => (tree === newestTree ? [] : [side, newestTree]);
  return ['--old-include', oldTree, ...fallback('--old-include', oldTree), '--new-include', newTree, ...fallback('--new-include', newTree)];
}

/**
 * One change of `uapi diff --format json`, as the scored build prints it: its level is a string,
 * since a newer build may know levels this checkout does not (`hazard`).
 */
export interface ReportedChange {
  readonly rule: string;
  readonly level: string;
  readonly subject: string;
  readonly abis: readonly string[];
  readonly message: string;
}

/** What `uapi diff --format json` said about one pair, or why it did not say it. */
export type UapiOutcome =
  | { readonly ok: true; readonly verdict: string; readonly changes: readonly ReportedChange[]; readonly exitCode: number }
  | { readonly ok: false; readonly exitCode: number | null; readonly reason: string };

/** First error line of the tool's stderr (its `file:line:col: error CODE: ...` form), else its last line. */
function firstError(stderr: string): string {
  const lines = stderr.trim().split('\n').filter((l) => l.trim() !== '');
  return lines.find((l) => / error [A-Z_]+:/.test(l)) ?? lines[lines.length - 1] ?? '(no message)';
}

/** `uapi diff OLD NEW --format json <include flags> --abi ABIS` as a subprocess. */
export async function runUapiDiff(uapiBin: string, mode: SideIncludes, oldFile: string, oldTree: string, newFile: string, newTree: string, newestTree: string, abis: readonly string[], oldSources?: string): Promise<UapiOutcome> {
  const sources = oldSources !== undefined ? ['--old-tree', oldSources] : [];
  const r = await spawnAsync(process.execPath, [uapiBin, 'diff', oldFile, newFile, '--format', 'json', '--abi', abis.join(','), ...includeArgs(mode, oldTree, newTree, newestTree), ...sources]);
  if (r.error !== undefined) return { ok: false, exitCode: null, reason: `cannot run ${uapiBin}: ${r.error}` };
  if (r.status !== 0 && r.status !== 1) return { ok: false, exitCode: r.status, reason: firstError(r.stderr) };
  try {
    const d = JSON.parse(r.stdout) as { verdict: string; changes: ReportedChange[] };
    return { ok: true, verdict: d.verdict, changes: d.changes, exitCode: r.status };
  } catch (e) {
    return { ok: false, exitCode: r.status, reason: `output is not JSON: ${(e as Error).message}` };
  }
}
