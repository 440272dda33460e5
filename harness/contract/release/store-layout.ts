import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The names of the release store, `snapshots/<uapi>/`: one folder per released version, plus the
 * short-lived entries of a release being written. Every name a writer uses for its own work starts
 * with a dot, so that no reader ever takes it for a version.
 */

/** The frozen spec of a release: `snapshots/<uapi>/<version>/spec.json` (canonical form). */
export const RELEASE_SPEC_FILE = 'spec.json';

/** The SHA-256 of every other file of a release, in `sha256sum` format; written last. */
export const MANIFEST_FILE = 'SHA256SUMS';

/** Held by the one process that writes into a uAPI's store (release, sealing, clean-up). */
export const LOCK_FILE = '.release.lock';

/** A release being written: `.staging-<version>-<pid>`, renamed to `<version>` when complete. */
export const STAGING_PREFIX = '.staging-';

/** The working goldens of a version while its release takes their place: `.replaced-<version>-<pid>`. */
export const REPLACED_PREFIX = '.replaced-';

/** The folder of one uAPI's releases. */
export const storeDir = (snapshotsRoot: string, uapi: string): string => path.join(snapshotsRoot, uapi);

/** Whether a version folder is a release (frozen), as opposed to the working goldens of a version. */
export function isReleased(versionDir: string): boolean {
  return fs.existsSync(path.join(versionDir, RELEASE_SPEC_FILE)) || fs.existsSync(path.join(versionDir, MANIFEST_FILE));
}

/** The path to show a person: relative to their working folder when that is shorter. */
export function shownPath(p: string, cwd: string): string {
  const rel = path.relative(cwd, p);
  return rel !== '' && !rel.startsWith(`..${path.sep}..${path.sep}`) ? rel : p;
}
