import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cacheRoot, sha256 } from '../clang/content-cache';
import { issue, type Issue } from '../../core/diagnostics/issue';
import { gitBytes } from './git';
import { installUapiHeaders, type InstalledHeaders } from './installed-headers';

/** One side of the tree: the working tree itself or an extract of a revision, and its installed uAPI headers. */
export interface TreeSide {
  readonly root: string;
  /** `REF:` for an extracted revision (to show locations as `REF:path`), empty for the working tree. */
  readonly label: string;
  readonly ref: string | undefined;
  /** The side's whole uAPI include tree, laid out as `make headers_install` would: what its headers include. */
  readonly installed: InstalledHeaders;
}

// Sides are staged under the cache folder in a folder named by their content: a second run on the same
// revisions finds the same paths, so the imports (whose cache keys hold the paths and contents of every
// file they may include) are served from the cache.
const STAGE = 'kernel-tree';
const SOURCES_FILE = 'sources.json';

function stagedAt(dir: string): InstalledHeaders | undefined {
  try {
    const sources = JSON.parse(fs.readFileSync(path.join(dir, SOURCES_FILE), 'utf8')) as Record<string, string>;
    return { includeDir: path.join(dir, 'include'), sources: new Map(Object.entries(sources)) };
  } catch {
    return undefined;
  }
}

/** Moves a built side into its content-named folder (another process may have made it first: then that one is used). */
function publish(tmp: string, dir: string, installed: InstalledHeaders): InstalledHeaders {
  fs.writeFileSync(path.join(tmp, SOURCES_FILE), JSON.stringify(Object.fromEntries(installed.sources)));
  try {
    fs.renameSync(tmp, dir);
  } catch {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return stagedAt(dir) ?? { ...installed, includeDir: path.join(dir, 'include') };
}

const tmpName = (): string => path.join(cacheRoot(), STAGE, `.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`);

/**
 * The whole uAPI include tree of `ref` (`pathspecs`: its uAPI folders, and any other paths compared)
 * extracted with `git archive` and installed, so that headers and everything they include are read as
 * they were at that revision, never from the host. Pathspecs that do not exist at that revision are
 * left out.
 */
export function extractRevision(top: string, ref: string, pathspecs: readonly string[]): { side?: TreeSide; issues: Issue[] } {
  let archives: Buffer[];
  const a = gitBytes(top, ['archive', '--format=tar', ref, '--', ...pathspecs]);
  if (a.ok) {
    archives = [a.bytes];
  } else {
    // An archive fails as a whole when one pathspec matches nothing at that revision: try them one by one.
    archives = pathspecs.map((p) => gitBytes(top, ['archive', '--format=tar', ref, '--', p])).filter((x) => x.ok).map((x) => x.bytes);
    if (archives.length === 0) return { issues: [issue('TREE_ARCHIVE', ref, `cannot extract uAPI headers at ${ref}: ${a.stderr}`)] };
  }
  const dir = path.join(cacheRoot(), STAGE, `git-${sha256(Buffer.concat(archives)).slice(0, 32)}`);
  let installed = stagedAt(dir);
  if (installed === undefined) {
    const tmp = tmpName();
    fs.mkdirSync(path.join(tmp, 'src'), { recursive: true });
    for (const bytes of archives) execFileSync('tar', ['-x', '-C', path.join(tmp, 'src')], { input: bytes });
    installed = publish(tmp, dir, installUapiHeaders(path.join(tmp, 'src'), path.join(tmp, 'include')));
  }
  return { side: { root: path.join(dir, 'src'), label: `${ref}:`, ref, installed }, issues: [] };
}

/** The uAPI headers of a kernel source tree on disk, installed as it is now. */
export function installWorkingTree(top: string): InstalledHeaders {
  const tmp = tmpName();
  const built = installUapiHeaders(top, path.join(tmp, 'include'));
  const dir = path.join(cacheRoot(), STAGE, `work-${built.digest.slice(0, 32)}`);
  const known = stagedAt(dir);
  if (known === undefined) return publish(tmp, dir, built);
  fs.rmSync(tmp, { recursive: true, force: true });
  return known;
}

/** The working tree as a side: its headers are read in place, what they include from its installed uAPI tree. */
export function workingTreeSide(top: string): TreeSide {
  return { root: top, label: '', ref: undefined, installed: installWorkingTree(top) };
}

/**
 * How a file an import read is shown: a file of the installed tree as the file it came from, a file of
 * an extract as `REF:path` (as `git show` takes it), a working-tree file as its own path.
 */
export function shownPath(side: TreeSide, file: string): string {
  const inInstalled = path.relative(side.installed.includeDir, file);
  const source = inInstalled.startsWith('..') || path.isAbsolute(inInstalled) ? undefined : side.installed.sources.get(inInstalled);
  const rel = source ?? (side.ref !== undefined && file.startsWith(`${side.root}${path.sep}`) ? path.relative(side.root, file) : undefined);
  if (rel === undefined) return file;
  return side.ref !== undefined ? `${side.label}${rel}` : path.join(side.root, rel);
}
