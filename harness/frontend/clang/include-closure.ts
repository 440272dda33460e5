import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileMemo } from './file-memo';

// Finds the file names in #include lines. This is not C parsing: it only lists which files clang
// might open (too many is harmless), so the WebAssembly build can be given them and a cache key
// can cover them. Preprocessor conditions, comments and macros are clang's business.
const INCLUDE = /^[ \t]*#[ \t]*include(?:_next)?[ \t]*([<"])([^>"\n]+)[>"]/gm;

function includesOf(text: string): { quoted: boolean; name: string }[] {
  const out: { quoted: boolean; name: string }[] = [];
  for (const m of text.matchAll(INCLUDE)) out.push({ quoted: m[1] === '"', name: (m[2] as string).trim() });
  return out;
}

/**
 * Whether `p` is a file. Most names are looked up in folders that do not have them: asking for no
 * exception on a missing file saves building one per miss (a stack trace each), which was most of
 * the search's time. Other failures (a path through a file, no permission) still throw, and mean no.
 */
export function isFile(p: string): boolean {
  try {
    return fs.statSync(p, { throwIfNoEntry: false })?.isFile() === true;
  } catch {
    return false;
  }
}

/**
 * Every existing file reachable through #include lines from `source` (whose own folder, if any, is
 * `sourceDir`), searching `includeDirs` in order. Every match of a name is taken, not only the
 * first, so that `#include_next` and per-target folders are covered. Sorted, absolute paths. A memo
 * (one per batch of probes) saves looking at the same files again.
 */
export function includeClosure(source: string, sourceDir: string | undefined, includeDirs: readonly string[], memo?: FileMemo): string[] {
  return includeSearch(source, sourceDir, includeDirs, memo).files;
}

/**
 * {@link includeClosure}, and the `#include` names found in no folder (clang stops with a fatal error
 * at such an include, unless a preprocessor condition skips it).
 */
export function includeSearch(source: string, sourceDir: string | undefined, includeDirs: readonly string[], memo?: FileMemo): { files: string[]; missing: string[] } {
  const missing = new Set<string>();
  const fileAt = memo !== undefined ? (p: string): boolean => memo.isFile(p) : isFile;
  const textOf = memo !== undefined ? (p: string): string => memo.text(p) : (p: string): string => fs.readFileSync(p, 'utf8');
  const seen = new Set<string>();
  const queue: { text: string; dir: string | undefined }[] = [{ text: source, dir: sourceDir }];
  while (queue.length > 0) {
    const { text, dir } = queue.pop() as { text: string; dir: string | undefined };
    for (const inc of includesOf(text)) {
      const candidates = path.isAbsolute(inc.name)
        ? [inc.name]
        : [...(inc.quoted && dir !== undefined ? [path.join(dir, inc.name)] : []), ...includeDirs.map((d) => path.join(d, inc.name))];
      let found = false;
      for (const c of candidates) {
        const abs = path.resolve(c);
        if (seen.has(abs)) {
          found = true;
          continue;
        }
        if (!fileAt(abs)) continue;
        found = true;
        seen.add(abs);
        queue.push({ text: textOf(abs), dir: path.dirname(abs) });
      }
      if (!found) missing.add(inc.name);
    }
  }
  return { files: [...seen].sort(), missing: [...missing].sort() };
}
