import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { issue, type Issue } from '../../core/diagnostics/issue';
import { MANIFEST_FILE } from './store-layout';

/** One line of a manifest: a file of the release folder and its SHA-256. */
export interface ManifestEntry {
  readonly name: string;
  readonly sha256: string;
  /** The manifest line it is on (1-based), for messages. */
  readonly line: number;
}

export const sha256Of = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

/**
 * The manifest text of a folder's files, in `sha256sum` format (`<hex>  <name>`, sorted by name):
 * `cd snapshots/<uapi>/<version> && sha256sum -c SHA256SUMS` checks a release without this tool.
 */
export function manifestText(dir: string, names: readonly string[]): string {
  return [...names].sort().map((n) => `${sha256Of(fs.readFileSync(path.join(dir, n)))}  ${n}\n`).join('');
}

const LINE = /^([0-9a-f]{64}) [ *]([^/\\]+)$/;

/** Reads a release's manifest; every malformed line is an issue at its line. */
export function readManifest(dir: string, shownDir: string, subject: string): { entries?: ManifestEntry[]; issues: Issue[] } {
  const file = path.join(dir, MANIFEST_FILE);
  const shown = path.join(shownDir, MANIFEST_FILE);
  let text: string;
  try {
    if (!fs.statSync(file).isFile()) return { issues: [issue('RELEASE_DAMAGED', subject, `${MANIFEST_FILE} is not a regular file`, { file: shown, line: 1, col: 1 })] };
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { issues: [issue('RELEASE_DAMAGED', subject, `cannot read ${MANIFEST_FILE}: ${(e as Error).message}`, { file: shown, line: 1, col: 1 })] };
  }
  const entries: ManifestEntry[] = [];
  const issues: Issue[] = [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((l, i) => {
    const m = LINE.exec(l);
    const at = { file: shown, line: i + 1, col: 1 };
    if (m === null) issues.push(issue('RELEASE_DAMAGED', subject, `not a manifest line (\`<sha256>  <file>\`): ${JSON.stringify(l.slice(0, 80))}`, at));
    else if (entries.some((e) => e.name === m[2])) issues.push(issue('RELEASE_DAMAGED', subject, `${m[2] as string} is listed twice`, at));
    else entries.push({ name: m[2] as string, sha256: m[1] as string, line: i + 1 });
  });
  if (entries.length === 0 && issues.length === 0) issues.push(issue('RELEASE_DAMAGED', subject, `${MANIFEST_FILE} lists no file`, { file: shown, line: 1, col: 1 }));
  return issues.length > 0 ? { issues } : { entries, issues };
}
