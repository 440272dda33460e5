import * as fs from 'node:fs';
import * as path from 'node:path';
import * as semver from 'semver';
import type { Issue } from '../../core/diagnostics/issue';
import type { Spec } from '../../core/model/model';
import { recoverStore } from './recover-store';
import { acquireStoreLock } from './store-lock';
import { isReleased, LOCK_FILE, RELEASE_SPEC_FILE, REPLACED_PREFIX, shownPath, STAGING_PREFIX, storeDir } from './store-layout';
import { verifyRelease } from './verify-release';
import { pushAll } from '../../core/util/push-all';

export { RELEASE_SPEC_FILE } from './store-layout';

export interface Release {
  readonly version: string;
  readonly dir: string;
  readonly spec: Spec;
  /** Whether the release has its manifest (every release does once sealed). */
  readonly sealed?: boolean;
}

export interface ListOptions {
  /** Folder messages show paths relative to (default: the process's). */
  readonly cwd?: string;
  /** Accept releases without a manifest (`uapi release --manifest` seals them; nothing else reads them). */
  readonly unsealed?: boolean;
}

// Verifying recomputes every golden of every release; one process (a test run, `uapi check` of several
// uAPIs) reads the same unchanged releases many times. The key holds each file's size and mtime.
const verified = new Map<string, { spec: Spec; sealed: boolean }>();

function fingerprint(dir: string): string {
  return fs.readdirSync(dir).sort().map((n) => {
    const st = fs.statSync(path.join(dir, n));
    return `${n}:${st.size}:${st.mtimeMs}:${st.ino}`;
  }).join('|');
}

/**
 * Every frozen release of a uAPI under the snapshots root, oldest first, each verified before it is
 * returned (see {@link verifyRelease}): damage is an error issue naming the file, and a damaged
 * release is not returned. First, when no other writer holds the store, whatever an interrupted
 * writer left is cleaned up, each clean-up a warning issue. Version folders that are not releases
 * (the working goldens of an unreleased version) are not listed.
 */
export function listReleases(snapshotsRoot: string, uapi: string, o: ListOptions = {}): { releases: Release[]; issues: Issue[] } {
  const cwd = o.cwd ?? process.cwd();
  const base = storeDir(snapshotsRoot, uapi);
  if (!fs.existsSync(base)) return { releases: [], issues: [] };
  const issues: Issue[] = [...tidyStore(base, cwd)];
  const releases: Release[] = [];
  for (const version of fs.readdirSync(base)) {
    if (semver.valid(version) === null) continue;
    const dir = path.join(base, version);
    const shownDir = shownPath(dir, cwd);
    const isDir = fs.statSync(dir).isDirectory();
    if (isDir && !isReleased(dir)) continue;
    const key = isDir ? `${dir}\n${fingerprint(dir)}\n${o.unsealed === true}` : '';
    const hit = verified.get(key);
    if (hit !== undefined) {
      releases.push({ version, dir, ...hit });
      continue;
    }
    const v = verifyRelease(dir, uapi, version, { shownDir, ...(o.unsealed === true ? { unsealed: true } : {}) });
    pushAll(issues, v.issues);
    if (v.spec === undefined) continue;
    if (key !== '') verified.set(key, { spec: v.spec, sealed: v.sealed });
    releases.push({ version, dir, spec: v.spec, sealed: v.sealed });
  }
  releases.sort((a, b) => semver.compare(a.version, b.version));
  return { releases, issues };
}

/**
 * Clean-up before reading: under the store lock, so that a release being written right now (its
 * lock held by a live process) is left alone. A held lock is not an error for a reader: it reads the
 * releases that are complete.
 */
function tidyStore(base: string, cwd: string): Issue[] {
  // Every writer holds the lock while it works, and a killed one leaves it behind: without a lock
  // file, staging or replaced folder there is nothing to clean (and a read-only store stays untouched).
  const leftovers = fs.readdirSync(base).some((n) => n.startsWith(LOCK_FILE) || n.startsWith(STAGING_PREFIX) || n.startsWith(REPLACED_PREFIX));
  if (!leftovers) return [];
  const l = acquireStoreLock(base, 'uapi (clean-up before reading releases)', cwd);
  if (l.lock === undefined) return [];
  try {
    return [...l.notes, ...recoverStore(base, cwd)];
  } finally {
    l.lock.release();
  }
}

/** A release folder's spec file, for messages (`snapshots/<uapi>/<version>/spec.json`). */
export const releaseSpecFile = (r: Release): string => path.join(r.dir, RELEASE_SPEC_FILE);

/** The error issues of a listing (the rest are clean-up notes). */
export const releaseErrors = (issues: readonly Issue[]): Issue[] => issues.filter((i) => i.severity === 'error');
