import * as fs from 'node:fs';
import * as path from 'node:path';
import { issue, type Issue } from '../../core/diagnostics/issue';
import { faultPoint } from './fault-point';
import { manifestText } from './manifest';
import { recoverStore } from './recover-store';
import { listReleases, releaseErrors } from './releases';
import { acquireStoreLock } from './store-lock';
import { MANIFEST_FILE, shownPath, storeDir } from './store-layout';

/**
 * Seals the releases of a uAPI that were frozen before releases carried a manifest: writes the
 * SHA256SUMS of each one whose files pass every other check (its spec.json is valid and the goldens
 * recomputed from it are its files, byte for byte). Adding the manifest is the one change a frozen
 * folder ever gets; nothing in it is rewritten. Damage found stops everything (nothing is sealed).
 * Under the store lock; each manifest is written to a temporary name and renamed into place.
 */
export function sealReleases(snapshotsRoot: string, uapi: string, cwd: string): { sealed: string[]; issues: Issue[]; notes: Issue[] } {
  const base = storeDir(snapshotsRoot, uapi);
  const l = acquireStoreLock(base, `uapi release --manifest ${uapi}`, cwd);
  if (l.lock === undefined) return { sealed: [], issues: l.issues, notes: l.notes };
  try {
    const notes = [...l.notes, ...recoverStore(base, cwd)];
    const listed = listReleases(snapshotsRoot, uapi, { cwd, unsealed: true });
    const errors = releaseErrors(listed.issues);
    if (errors.length > 0) return { sealed: [], issues: errors, notes };
    const sealed: string[] = [];
    for (const r of listed.releases.filter((x) => !x.sealed)) {
      const names = fs.readdirSync(r.dir).filter((n) => !n.startsWith('.'));
      const tmp = path.join(r.dir, `.${MANIFEST_FILE}.${process.pid}`);
      try {
        fs.writeFileSync(tmp, manifestText(r.dir, names), { flag: 'wx' });
        faultPoint('manifest-written');
        fs.renameSync(tmp, path.join(r.dir, MANIFEST_FILE));
      } catch (e) {
        fs.rmSync(tmp, { force: true });
        return { sealed, issues: [issue('RELEASE_WRITE', `${uapi} ${r.version}`, `could not write ${MANIFEST_FILE}: ${(e as Error).message}`, { file: shownPath(r.dir, cwd), line: 1, col: 1 })], notes };
      }
      sealed.push(path.join(r.dir, MANIFEST_FILE));
    }
    return { sealed, issues: [], notes };
  } finally {
    l.lock.release();
  }
}
