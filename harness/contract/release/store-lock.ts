import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { issue, type Issue } from '../../core/diagnostics/issue';
import { LOCK_FILE, shownPath } from './store-layout';

/** What the lock file holds: who holds it, so that a second writer can say so and a dead holder is found. */
interface Holder {
  readonly pid: number;
  readonly host: string;
  readonly command: string;
  readonly since: string;
}

export interface StoreLock {
  /** Removes the lock file (only if it is still this process's). */
  release(): void;
}

/** Whether a process of this machine is alive (EPERM: alive, but another user's). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): Holder | undefined {
  try {
    const h = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Holder>;
    return typeof h.pid === 'number' && typeof h.host === 'string' ? { pid: h.pid, host: h.host, command: String(h.command ?? '?'), since: String(h.since ?? '?') } : undefined;
  } catch {
    return undefined;
  }
}

function create(file: string, command: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  const me: Holder = { pid: process.pid, host: os.hostname(), command, since: new Date().toISOString() };
  fs.writeSync(fd, `${JSON.stringify(me)}\n`);
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  return true;
}

/**
 * Breaks the lock of a holder that is gone: renames the file to a name of this process's own, and
 * checks that what it moved is the dead holder's (another process may have broken the same lock and
 * taken a fresh one in between: that one is put back).
 */
function breakStale(file: string, dead: Holder): boolean {
  const mine = `${file}.stale-${process.pid}`;
  try {
    fs.renameSync(file, mine);
  } catch {
    return false;
  }
  const moved = readHolder(mine);
  if (moved === undefined || moved.pid === dead.pid) {
    fs.rmSync(mine, { force: true });
    return true;
  }
  try {
    fs.linkSync(mine, file);
  } catch {
    // Someone holds a newer lock again: theirs stays, the moved one is lost either way.
  }
  fs.rmSync(mine, { force: true });
  return false;
}

/**
 * Takes the exclusive lock of a uAPI's release store (`snapshots/<uapi>/.release.lock`, created
 * with O_EXCL), without waiting: a second writer gets an issue naming the holder (exit 2). A lock
 * whose process no longer runs on this machine (killed part way) is cleared, and said so in `notes`.
 */
export function acquireStoreLock(base: string, command: string, cwd: string): { lock?: StoreLock; issues: Issue[]; notes: Issue[] } {
  fs.mkdirSync(base, { recursive: true });
  const file = path.join(base, LOCK_FILE);
  const shown = shownPath(file, cwd);
  const notes: Issue[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    if (create(file, command)) {
      return {
        lock: { release: () => { if (readHolder(file)?.pid === process.pid) fs.rmSync(file, { force: true }); } },
        issues: [], notes,
      };
    }
    const h = readHolder(file);
    if (h !== undefined && h.host === os.hostname() && !alive(h.pid)) {
      if (breakStale(file, h)) notes.push(issue('RELEASE_STALE_LOCK', shown, `cleared the lock of process ${h.pid} (\`${h.command}\` since ${h.since}), which no longer runs: it was killed or crashed`, { file: shown, line: 1, col: 1 }, 'warning'));
      continue;
    }
    if (h === undefined) {
      // Being written right now (created, content not yet there), or garbage: say what it is.
      return { issues: [issue('RELEASE_LOCKED', shown, 'the release store is locked by another uapi command (the lock file names no process yet); try again, or remove the file if no uapi command runs', { file: shown, line: 1, col: 1 })], notes };
    }
    const where = h.host === os.hostname() ? `process ${h.pid}` : `process ${h.pid} on ${h.host}`;
    return {
      issues: [issue('RELEASE_LOCKED', shown, `another uapi command writes this release store: ${where} (\`${h.command}\`) since ${h.since}; run again when it has finished (a lock of another machine is only cleared by hand: remove ${shown} when that process is gone)`, { file: shown, line: 1, col: 1 })],
      notes,
    };
  }
  return { issues: [issue('RELEASE_LOCKED', shown, 'could not take the release store lock: other uapi commands keep taking it', { file: shown, line: 1, col: 1 })], notes };
}
