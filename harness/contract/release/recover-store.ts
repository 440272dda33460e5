import * as fs from 'node:fs';
import * as path from 'node:path';
import { issue, type Issue } from '../../core/diagnostics/issue';
import { LOCK_FILE, MANIFEST_FILE, REPLACED_PREFIX, shownPath, STAGING_PREFIX } from './store-layout';

/** `.staging-1.2.0-4711` → `1.2.0`. */
const versionOf = (name: string, prefix: string): string => name.slice(prefix.length).replace(/-\d+$/, '');

/**
 * Undoes what an interrupted writer left in a uAPI's release store; the caller holds the store lock.
 * An interrupted release leaves no release: a staging folder is removed whatever it holds, and the
 * working goldens a release was about to replace go back to their place. Each thing done is a
 * warning naming what was cleaned up, so that the next command says so.
 */
export function recoverStore(base: string, cwd: string): Issue[] {
  if (!fs.existsSync(base)) return [];
  const notes: Issue[] = [];
  const note = (p: string, message: string): void => {
    const shown = shownPath(p, cwd);
    notes.push(issue('RELEASE_RECOVERED', shown, message, { file: shown, line: 1, col: 1 }, 'warning'));
  };
  const names = fs.readdirSync(base).sort();
  for (const n of names) {
    const p = path.join(base, n);
    if (n.startsWith(STAGING_PREFIX)) {
      fs.rmSync(p, { recursive: true, force: true });
      note(p, `removed the staging folder of an interrupted \`uapi release\` of ${versionOf(n, STAGING_PREFIX)}: nothing of it was released; run \`npx uapi release\` again`);
    } else if (n.startsWith(`${LOCK_FILE}.stale-`)) {
      fs.rmSync(p, { force: true });
      note(p, 'removed a stale lock left by an interrupted clean-up');
    }
  }
  for (const n of names) {
    if (!n.startsWith(REPLACED_PREFIX)) continue;
    const p = path.join(base, n);
    const target = path.join(base, versionOf(n, REPLACED_PREFIX));
    if (fs.existsSync(target)) {
      fs.rmSync(p, { recursive: true, force: true });
      note(p, `removed the working goldens that the release ${versionOf(n, REPLACED_PREFIX)} replaced (the release was complete)`);
    } else {
      fs.renameSync(p, target);
      note(target, `put back the working goldens of ${versionOf(n, REPLACED_PREFIX)}: its release was interrupted while taking their place, and nothing was released`);
    }
  }
  // A manifest being written by `uapi release --manifest` when it was interrupted.
  for (const n of names) {
    const p = path.join(base, n);
    if (n.startsWith('.') || !fs.statSync(p).isDirectory()) continue;
    for (const f of fs.readdirSync(p)) {
      if (!f.startsWith(`.${MANIFEST_FILE}.`)) continue;
      fs.rmSync(path.join(p, f), { force: true });
      note(path.join(p, f), `removed a manifest that an interrupted \`uapi release --manifest\` had not finished; ${n} is still unsealed`);
    }
  }
  return notes;
}
