import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Copies every file under `from` into `into`, creating folders. A file `into` already has must be
 * byte-identical (per-architecture linux-libc-dev packages share every header outside their own
 * multiarch folder); the relative paths of those that differ are returned and left as they were.
 */
export function mergeTree(from: string, into: string): string[] {
  const conflicts: string[] = [];
  const walk = (rel: string): void => {
    fs.mkdirSync(path.join(into, rel), { recursive: true });
    for (const e of fs.readdirSync(path.join(from, rel), { withFileTypes: true })) {
      const child = path.join(rel, e.name);
      const source = path.join(from, child);
      const target = path.join(into, child);
      if (e.isDirectory()) walk(child);
      else if (!fs.existsSync(target)) fs.copyFileSync(source, target);
      else if (!fs.readFileSync(source).equals(fs.readFileSync(target))) conflicts.push(child);
    }
  };
  walk('');
  return conflicts.sort();
}
