import * as fs from 'node:fs';
import * as path from 'node:path';
import * as semver from 'semver';
import { issue, type Issue } from '../diagnostics/issue';
import { fromCanonical } from '../spec/canonical';
import type { Spec } from '../spec/model';

/** The frozen spec of a release: `snapshots/<uapi>/<version>/spec.json` (canonical form). */
export const RELEASE_SPEC_FILE = 'spec.json';

export interface Release {
  readonly version: string;
  readonly dir: string;
  readonly spec: Spec;
}

/** Every frozen release of a uAPI under the snapshots root, oldest first. */
export function listReleases(snapshotsRoot: string, uapi: string): { releases: Release[]; issues: Issue[] } {
  const base = path.join(snapshotsRoot, uapi);
  if (!fs.existsSync(base)) return { releases: [], issues: [] };
  const releases: Release[] = [];
  const issues: Issue[] = [];
  for (const version of fs.readdirSync(base)) {
    const dir = path.join(base, version);
    const file = path.join(dir, RELEASE_SPEC_FILE);
    if (semver.valid(version) === null || !fs.existsSync(file)) continue;
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      issues.push(issue('RELEASE_READ', file, `not valid JSON: ${(e as Error).message}`, { file, line: 1, col: 1 }));
      continue;
    }
    const r = fromCanonical(json, file);
    issues.push(...r.issues);
    if (r.spec === undefined) continue;
    if (r.spec.version !== version || r.spec.name !== uapi) {
      issues.push(issue('RELEASE_MISMATCH', file, `holds ${r.spec.name} ${r.spec.version}, but sits in ${uapi}/${version}`, { file, line: 1, col: 1 }));
      continue;
    }
    releases.push({ version, dir, spec: r.spec });
  }
  releases.sort((a, b) => semver.compare(a.version, b.version));
  return { releases, issues };
}
