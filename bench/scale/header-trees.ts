import * as fs from 'node:fs';
import * as path from 'node:path';

/** Two installed uAPI header trees (`usr/include` of linux-libc-dev) to compare, old against new. */
export interface TreePair {
  readonly oldDir: string;
  readonly newDir: string;
  readonly oldLabel: string;
  readonly newLabel: string;
}

/** The headers a whole-tree check visits, as check-uapi.sh chooses them, by path relative to the tree. */
export interface TreeHeaders {
  /** In both trees: each is compiled (imported) on both sides and compared. */
  readonly common: readonly string[];
  /** Only in the old tree: removed, which both tools report without compiling anything. */
  readonly removed: readonly string[];
}

// Debian keeps each architecture's asm/ under a multiarch folder such as x86_64-linux-gnu/. Those
// headers are per architecture, so a check on 8 ABIs cannot take one of them for all: both tools
// leave them out. asm-generic/ is skipped by check-uapi.sh itself (it is never compiled alone).
const MULTIARCH_FOLDER = /^[a-z0-9_]+-linux-gnu[a-z0-9_]*$/;
const SKIPPED_FOLDERS = new Set(['asm-generic']);

/** Every architecture-independent header under an installed uAPI tree, by path relative to it, sorted. */
export function headersUnder(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) {
        if (rel === '' && (MULTIARCH_FOLDER.test(e.name) || SKIPPED_FOLDERS.has(e.name))) continue;
        walk(child);
      } else if (e.isFile() && e.name.endsWith('.h')) {
        out.push(child);
      }
    }
  };
  walk('');
  return out.sort();
}

/**
 * Every architecture-independent header of the old tree (check-uapi.sh loops over the headers the
 * past revision installed), split into those the new tree still has and those it removed. Headers
 * only the new tree has are additions: nothing to check.
 */
export function treeHeaders(pair: TreePair): TreeHeaders {
  const inNew = new Set(headersUnder(pair.newDir));
  const old = headersUnder(pair.oldDir);
  return { common: old.filter((h) => inNew.has(h)), removed: old.filter((h) => !inNew.has(h)) };
}

/** `-I` folders of one tree for gcc: the tree and, when present, its x86_64 multiarch folder (asm/). */
export function gccIncludeDirs(treeDir: string): string[] {
  const multiarch = path.join(treeDir, 'x86_64-linux-gnu');
  return fs.existsSync(path.join(multiarch, 'asm')) ? [treeDir, multiarch] : [treeDir];
}
