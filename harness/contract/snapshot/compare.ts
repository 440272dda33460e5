import * as fs from 'node:fs';
import * as path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { GoldenFile } from './golden-files';

export type GoldenStatus = 'same' | 'changed' | 'missing';

export interface GoldenResult {
  readonly file: GoldenFile;
  readonly status: GoldenStatus;
  /** Unified diff of committed → computed, when changed. */
  readonly diff?: string;
}

/** Compares each golden with the committed file under `root`. Reads only. */
export function compareGoldens(root: string, files: readonly GoldenFile[]): GoldenResult[] {
  return files.map((file) => {
    const p = path.join(root, file.relPath);
    if (!fs.existsSync(p)) return { file, status: 'missing' };
    const actual = fs.readFileSync(p, 'utf8');
    if (actual === file.expected) return { file, status: 'same' };
    const diff = createTwoFilesPatch(`a/${file.relPath}`, `b/${file.relPath}`, actual, file.expected, 'committed', 'computed', { context: 3 });
    return { file, status: 'changed', diff };
  });
}

/** Writes the goldens that differ or are missing; returns the paths written. */
export function writeGoldens(root: string, results: readonly GoldenResult[]): string[] {
  const written: string[] = [];
  for (const r of results) {
    if (r.status === 'same') continue;
    const p = path.join(root, r.file.relPath);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, r.file.expected);
    written.push(r.file.relPath);
  }
  return written;
}
