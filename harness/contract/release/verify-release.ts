import * as fs from 'node:fs';
import * as path from 'node:path';
import { issue, type Issue } from '../../core/diagnostics/issue';
import { parseAbiList } from '../../core/layout/abi';
import { goldenFiles } from '../snapshot/golden-files';
import { readCanonicalFile } from '../../core/model/canonical-file';
import type { Spec } from '../../core/model/model';
import { readManifest, sha256Of } from './manifest';
import { MANIFEST_FILE, RELEASE_SPEC_FILE } from './store-layout';
import { pushAll } from '../../core/util/push-all';

/** Where a damaged release is repaired from: the commit that added it. */
export const restoreHint = (shownDir: string): string => `a release is never edited: restore it from git (\`git checkout -- ${shownDir}\`), or from the copy it was released from`;

/** The line (1-based) where two texts first differ, and both lines. */
function firstDifference(a: string, b: string): { line: number; was: string; now: string } {
  const x = a.split('\n');
  const y = b.split('\n');
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return { line: i + 1, was: x[i] ?? '(end of file)', now: y[i] ?? '(end of file)' };
}

const clip = (s: string): string => JSON.stringify(s.length > 70 ? `${s.slice(0, 70)}...` : s);

export interface VerifyOptions {
  /** How the folder is shown in messages (relative to the user's working folder). */
  readonly shownDir: string;
  /** Accept a release without a manifest (only to seal it: `uapi release --manifest`). */
  readonly unsealed?: boolean;
}

/**
 * Checks one release folder before anything uses it: the manifest lists every file and each one's
 * SHA-256 matches; the spec.json is valid and is the uAPI and version of the folder; the goldens
 * recomputed from that spec.json are the files of the folder, byte for byte. Every difference is an
 * error at the file (and line) it is in.
 */
export function verifyRelease(dir: string, uapi: string, version: string, o: VerifyOptions): { spec?: Spec; sealed: boolean; issues: Issue[] } {
  const subject = `${uapi} ${version}`;
  const shown = (n: string): string => path.join(o.shownDir, n);
  const at = (n: string, line = 1): Issue['loc'] => ({ file: shown(n), line, col: 1 });
  const damaged = (n: string, message: string, line = 1): Issue => issue('RELEASE_DAMAGED', subject, `${message}; ${restoreHint(o.shownDir)}`, at(n, line));
  const st = fs.statSync(dir);
  if (!st.isDirectory()) return { sealed: false, issues: [issue('RELEASE_DAMAGED', subject, `${o.shownDir} is a file where the release folder of ${version} should be; ${restoreHint(o.shownDir)}`, { file: o.shownDir, line: 1, col: 1 })] };

  const issues: Issue[] = [];
  const present = new Set(fs.readdirSync(dir));
  const sealed = present.has(MANIFEST_FILE);
  // What the files must be: the manifest's sums, or (unsealed) whatever is there.
  let listed: Map<string, { sha256: string; line: number }>;
  if (sealed) {
    const m = readManifest(dir, o.shownDir, subject);
    if (m.entries === undefined) return { sealed, issues: m.issues.map((i) => ({ ...i, message: `${i.message}; ${restoreHint(o.shownDir)}` })) };
    listed = new Map(m.entries.map((e) => [e.name, { sha256: e.sha256, line: e.line }]));
    for (const [name, e] of listed) {
      const p = path.join(dir, name);
      if (!present.has(name)) issues.push(damaged(MANIFEST_FILE, `${name} is listed in ${MANIFEST_FILE} but missing from the release`, e.line));
      else if (!fs.statSync(p).isFile()) issues.push(damaged(name, `${name} is not a regular file`));
      else if (sha256Of(fs.readFileSync(p)) !== e.sha256) issues.push(damaged(name, `${name} changed after the release was frozen: its SHA-256 is not the one on line ${e.line} of ${MANIFEST_FILE}`));
    }
    for (const n of present) if (n !== MANIFEST_FILE && !listed.has(n)) issues.push(damaged(n, `${n} is not part of the release (${MANIFEST_FILE} does not list it)`));
  } else {
    if (o.unsealed !== true) {
      issues.push(issue('RELEASE_UNSEALED', subject, `the release has no ${MANIFEST_FILE}, so damage to it cannot be told from its content: after checking with git that ${o.shownDir} is as committed, seal it with \`npx uapi release --manifest\` and commit ${shown(MANIFEST_FILE)}`, at(RELEASE_SPEC_FILE)));
    }
    listed = new Map([...present].map((n) => [n, { sha256: '', line: 1 }]));
  }
  if (!listed.has(RELEASE_SPEC_FILE)) {
    issues.push(damaged(sealed ? MANIFEST_FILE : RELEASE_SPEC_FILE, `the release has no ${RELEASE_SPEC_FILE}`));
    return { sealed, issues };
  }
  if (!present.has(RELEASE_SPEC_FILE)) return { sealed, issues };

  const read = readCanonicalFile(path.join(dir, RELEASE_SPEC_FILE), shown(RELEASE_SPEC_FILE));
  pushAll(issues, read.issues.filter((i) => i.severity === 'error').map((i) => ({ ...i, path: i.path === '' ? subject : i.path })));
  const spec = read.spec;
  if (spec === undefined) return { sealed, issues };
  if (spec.name !== uapi || spec.version !== version) {
    issues.push(damaged(RELEASE_SPEC_FILE, `holds ${spec.name} ${spec.version}, but sits in ${uapi}/${version}`));
    return { sealed, issues };
  }
  // The goldens are derived from the spec: recomputed, they must be the files of the release.
  for (const g of goldenFiles(spec, parseAbiList('all').abis)) {
    const name = path.basename(g.relPath);
    const p = path.join(dir, name);
    if (!present.has(name)) {
      issues.push(damaged(sealed ? MANIFEST_FILE : name, `the golden ${name} is missing from the release`, listed.get(name)?.line ?? 1));
      continue;
    }
    if (!listed.has(name)) continue;
    let actual: string;
    try {
      actual = fs.readFileSync(p, 'utf8');
    } catch {
      continue;
    }
    if (actual === g.expected) continue;
    const d = firstDifference(g.expected, actual);
    issues.push(damaged(name, `differs from the golden recomputed from ${RELEASE_SPEC_FILE} at line ${d.line}: recomputed ${clip(d.was)}, file has ${clip(d.now)}`, d.line));
  }
  return issues.some((i) => i.severity === 'error') ? { sealed, issues } : { spec, sealed, issues };
}
