import * as path from 'node:path';
import { isFile } from '../clang/include-closure';
import { SYSTEM_INCLUDE_DIR } from '../clang/target-includes';
import { issue, type Issue } from '../diagnostics/issue';

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

/**
 * The include folders a header is compiled with: the ones given (`-I`, `--old-include`, ...), then
 * the header's own tree ({@link includeRootOf}), so that what it includes is read as it is in that
 * tree (its asm/ per ABI too: a tree's multiarch folders go with it) rather than from another version
 * or the host. Folders given explicitly come first and so win for every file they hold. The use of
 * the header's tree is said in an info issue (`INCLUDE_OWN_TREE`).
 */
export function headerIncludeDirs(header: string, given: readonly string[], display: string = header, cwd: string = process.cwd()): { includeDirs: string[]; note?: Issue } {
  const explicit = given.map((d) => path.resolve(cwd, d));
  const root = includeRootOf(path.resolve(cwd, header));
  if (root === undefined || explicit.includes(root)) return { includeDirs: explicit };
  const after = explicit.length > 0 ? ', after the folders given with -I/--*-include' : '';
  return {
    includeDirs: [...explicit, root],
    note: issue('INCLUDE_OWN_TREE', display, `includes are read from the header's own tree ${root}${after}`, undefined, 'info'),
  };
}
