import * as fs from 'node:fs';
import * as path from 'node:path';
import { uapiPathspecs } from '../../frontend/tree/changed-headers';
import { git } from '../../frontend/tree/git';
import { extractRevision, installWorkingTree } from '../../frontend/tree/tree-snapshot';
import { isFile } from '../../frontend/clang/include-closure';
import { SYSTEM_INCLUDE_DIR } from '../../frontend/clang/target-includes';
import { issue, type Issue } from '../../core/diagnostics/issue';

/**
 * The include root of an installed uAPI tree that holds `header`: walking up from the header's
 * folder, the first folder that has `linux/types.h` (`.../usr/include` of a linux-libc-dev package or
 * of `make headers_install`, or a kernel's `include/uapi`). Undefined when there is none, or when it is
 * the system folder, which every import searches anyway.
 */
export function includeRootOf(header: string, fileExists: (p: string) => boolean = isFile): string | undefined {
  let dir = path.dirname(path.resolve(header));
  for (;;) {
    if (fileExists(path.join(dir, 'linux', 'types.h'))) return dir === path.resolve(SYSTEM_INCLUDE_DIR) ? undefined : dir;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** Where a header's includes are read from, and how to say so. */
export interface OwnTree {
  readonly includeDir: string;
  readonly description: string;
}

/** The top of a kernel source tree when `root` is its `include/uapi` (an `arch/` folder beside `include/`). */
function sourceTreeTop(root: string): string | undefined {
  if (path.basename(root) !== 'uapi' || path.basename(path.dirname(root)) !== 'include') return undefined;
  const top = path.dirname(path.dirname(root));
  return fs.existsSync(path.join(top, 'arch')) ? top : undefined;
}

const installedNote = (where: string, dir: string): string => `${where}, its uAPI headers installed as make headers_install lays them out (in ${dir})`;

/**
 * The header's own tree ({@link includeRootOf}). In a kernel source tree, `include/uapi` alone lacks
 * each architecture's asm/: the tree's uAPI headers are installed (see installed-headers.ts) and that
 * is used.
 */
export function ownIncludeTree(header: string): OwnTree | undefined {
  const root = includeRootOf(header);
  if (root === undefined) return undefined;
  const top = sourceTreeTop(root);
  if (top === undefined) return { includeDir: root, description: root };
  const dir = installWorkingTree(top).includeDir;
  return { includeDir: dir, description: installedNote(top, dir) };
}

/**
 * `REF:path` of a header in the uAPI folders of a git checkout (`include/uapi`, `arch/<arch>/include/uapi`,
 * `usr/include`): the header read from the whole uAPI tree at that revision, which is its own tree.
 * Undefined for any other path, or when the revision cannot be read (the caller's reading says why).
 */
export function revisionTree(ref: string, p: string, cwd: string): { file: string; tree: OwnTree } | undefined {
  const t = git(cwd, ['rev-parse', '--show-toplevel']);
  if (!t.ok) return undefined;
  const top = t.stdout.trim();
  const rel = (p.startsWith('./') || p.startsWith('../') ? path.relative(top, path.resolve(cwd, p)) : p).split(path.sep).join('/');
  const specs = uapiPathspecs(top);
  if (specs === undefined || !/^(include\/uapi|arch\/[^/]+\/include\/uapi|usr\/include)\//.test(rel)) return undefined;
  const x = extractRevision(top, ref, specs);
  const file = x.side !== undefined ? path.join(x.side.root, rel) : undefined;
  if (x.side === undefined || file === undefined || !fs.existsSync(file)) return undefined;
  const dir = x.side.installed.includeDir;
  return { file, tree: { includeDir: dir, description: installedNote(`${top} at ${ref}`, dir) } };
}

/**
 * The include folders a header is compiled with: the ones given (`--old-include`, `-I`, ...), then
 * its own tree ({@link ownIncludeTree}), so that what it includes is read as it is in that tree (its
 * asm/ per ABI too: a tree's multiarch folders go with it) rather than from another version or the
 * host. Folders given explicitly come first and so win for every file they hold. The use of the
 * header's tree is said in an info issue (`INCLUDE_OWN_TREE`).
 */
export function headerIncludeDirs(
  header: string, given: readonly string[], display: string = header, cwd: string = process.cwd(),
  own: OwnTree | undefined = ownIncludeTree(path.resolve(cwd, header)),
): { includeDirs: string[]; note?: Issue } {
  const explicit = given.map((d) => path.resolve(cwd, d));
  if (own === undefined || explicit.includes(own.includeDir)) return { includeDirs: explicit };
  const after = explicit.length > 0 ? ', after the folders given with -I/--*-include' : '';
  return {
    includeDirs: [...explicit, own.includeDir],
    note: issue('INCLUDE_OWN_TREE', display, `includes are read from the header's own tree ${own.description}${after}`, undefined, 'info'),
  };
}
