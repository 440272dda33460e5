import * as fs from 'node:fs';
import * as path from 'node:path';
import { issue, type Issue } from '../../core/diagnostics/issue';
import { git } from './git';

/** The two sides of a kernel-tree comparison, as check-uapi.sh chooses them. */
export interface TreeRefs {
  /** The new side: a git revision, or undefined for the working tree. */
  readonly base: string | undefined;
  /** The old side: always a git revision. */
  readonly past: string;
}

export type HeaderStatus = 'added' | 'removed' | 'modified';

export interface ChangedHeader {
  readonly path: string;
  readonly status: HeaderStatus;
}

/** uAPI header folders of a kernel tree, or undefined when the tree has none (then every .h counts). */
export function uapiPathspecs(top: string): string[] | undefined {
  const specs: string[] = [];
  if (fs.existsSync(path.join(top, 'include', 'uapi'))) specs.push('include/uapi');
  if (fs.existsSync(path.join(top, 'arch'))) specs.push(':(glob)arch/*/include/uapi/**');
  if (fs.existsSync(path.join(top, 'usr', 'include'))) specs.push('usr/include');
  return specs.length > 0 ? specs : undefined;
}

/**
 * `-b`/`-p` as check-uapi.sh reads them: without `-b`, uncommitted changes to uAPI headers are the new
 * side (compared with HEAD) when there are any, else HEAD (compared with HEAD^1); `-p` defaults to the
 * base's first parent.
 */
export function resolveRefs(top: string, base: string | undefined, past: string | undefined, pathspecs: readonly string[]): { refs?: TreeRefs; issues: Issue[] } {
  const verify = (ref: string): Issue | undefined =>
    git(top, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).ok ? undefined : issue('TREE_REF', ref, `not a commit in ${top}`);
  if (base !== undefined && base !== '') {
    const p = past !== undefined && past !== '' ? past : `${base}^1`;
    const bad = [verify(base), verify(p)].filter((x): x is Issue => x !== undefined);
    return bad.length > 0 ? { issues: bad } : { refs: { base, past: p }, issues: [] };
  }
  const dirty = git(top, ['status', '--porcelain', '--', ...pathspecs]).stdout.split('\n').some((l) => /\.h$/.test(l.trim()));
  const newSide = dirty ? undefined : 'HEAD';
  const p = past !== undefined && past !== '' ? past : dirty ? 'HEAD' : 'HEAD^1';
  const bad = [verify(p), ...(newSide !== undefined ? [verify(newSide)] : [])].filter((x): x is Issue => x !== undefined);
  return bad.length > 0 ? { issues: bad } : { refs: { base: newSide, past: p }, issues: [] };
}

/** Headers that differ between the two sides, limited to the pathspecs; untracked new headers count. */
export function changedHeaders(top: string, refs: TreeRefs, pathspecs: readonly string[]): { headers: ChangedHeader[]; issues: Issue[] } {
  const range = refs.base !== undefined ? [refs.past, refs.base] : [refs.past];
  const r = git(top, ['diff', '--name-status', '--no-renames', ...range, '--', ...pathspecs]);
  if (!r.ok) return { headers: [], issues: [issue('TREE_DIFF', top, `git diff failed: ${r.stderr}`)] };
  const headers: ChangedHeader[] = [];
  for (const line of r.stdout.split('\n')) {
    const [st, file] = line.split('\t');
    if (file === undefined || !file.endsWith('.h')) continue;
    const status: HeaderStatus = st === 'A' ? 'added' : st === 'D' ? 'removed' : 'modified';
    headers.push({ path: file, status });
  }
  if (refs.base === undefined) {
    const untracked = git(top, ['ls-files', '--others', '--exclude-standard', '--', ...pathspecs]).stdout.split('\n');
    for (const f of untracked) if (f.endsWith('.h') && !headers.some((h) => h.path === f)) headers.push({ path: f, status: 'added' });
  }
  headers.sort((a, b) => a.path.localeCompare(b.path));
  return { headers, issues: [] };
}
