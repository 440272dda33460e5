import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { issue, type Issue } from '../diagnostics/issue';
import { gitBytes } from './git';

/** A readable copy of one side of the tree: the working tree itself, or an extract of a revision. */
export interface TreeSide {
  readonly root: string;
  /** `REF:` for an extracted revision (to show locations as `REF:path`), empty for the working tree. */
  readonly label: string;
  readonly ref: string | undefined;
}

/**
 * The uAPI folders of `ref` extracted into a temporary folder (`git archive`), so that headers and the
 * headers they include are read as they were at that revision. Pathspecs that do not exist at that
 * revision are left out.
 */
export function extractRevision(top: string, ref: string, pathspecs: readonly string[]): { side?: TreeSide; issues: Issue[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-tree-'));
  const a = gitBytes(top, ['archive', '--format=tar', ref, '--', ...pathspecs]);
  if (!a.ok) {
    // An archive fails as a whole when one pathspec matches nothing at that revision: try them one by one.
    let any = false;
    for (const p of pathspecs) {
      const one = gitBytes(top, ['archive', '--format=tar', ref, '--', p]);
      if (!one.ok) continue;
      execFileSync('tar', ['-x', '-C', dir], { input: one.bytes });
      any = true;
    }
    if (!any) return { issues: [issue('TREE_ARCHIVE', ref, `cannot extract uAPI headers at ${ref}: ${a.stderr}`)] };
  } else {
    execFileSync('tar', ['-x', '-C', dir], { input: a.bytes });
  }
  return { side: { root: dir, label: `${ref}:`, ref }, issues: [] };
}

/** Include folders of a kernel tree side: the uAPI folders, as `make headers_install` would lay them out. */
export function treeIncludeDirs(root: string): string[] {
  const dirs = [path.join(root, 'usr', 'include'), path.join(root, 'include', 'uapi'), path.join(root, 'arch', 'x86', 'include', 'uapi')];
  return dirs.filter((d) => fs.existsSync(d));
}
