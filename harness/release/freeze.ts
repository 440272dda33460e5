import * as fs from 'node:fs';
import * as path from 'node:path';
import * as semver from 'semver';
import type { Abi } from '../layout/abi';
import { diffSpecs, type PolicyName, type Waiver } from '../diff';
import { issue, type Issue } from '../diagnostics/issue';
import { compareGoldens, goldenFiles } from '../snapshot';
import { toCanonical } from '../spec/canonical';
import type { Spec } from '../spec/model';
import { toJson } from '../util/json';
import { emulatorProblem } from '../pbt/run/suite-setup';
import { recordReleaseTrace, writeReleaseTrace } from '../trace/release-trace';
import { listReleases, RELEASE_SPEC_FILE } from './releases';

export interface FreezeOptions {
  readonly snapshotsRoot: string;
  readonly abis: readonly Abi[];
  readonly policy: PolicyName;
  readonly waivers: readonly Waiver[];
}

/**
 * Freezes the working spec as a release: writes `snapshots/<uapi>/<version>/spec.json` next to its
 * goldens, and `trace.json`, the golden ioctl trace of its suite on the emulated core (for a uAPI the
 * core speaks). Refuses (returning issues, writing nothing) when the release exists already, when
 * goldens differ, when the version is not above every release, when the diff against any release
 * breaks the policy, or when the suite the trace comes from fails.
 */
export function freezeRelease(spec: Spec, o: FreezeOptions): { written?: string; trace?: string; issues: Issue[] } {
  const dir = path.join(o.snapshotsRoot, spec.name, spec.version);
  const file = path.join(dir, RELEASE_SPEC_FILE);
  const where = `${spec.name} ${spec.version}`;
  if (fs.existsSync(file)) return { issues: [issue('RELEASE_EXISTS', where, `${file} exists: a release is never rewritten; bump the version in the spec`)] };
  const stale = compareGoldens(o.snapshotsRoot, goldenFiles(spec, o.abis)).filter((r) => r.status !== 'same');
  if (stale.length > 0) return { issues: [issue('RELEASE_GOLDENS', where, `${stale.length} golden file(s) differ or are missing: run \`npx uapi snapshot --update\`, review and commit them first`)] };
  const { releases, issues } = listReleases(o.snapshotsRoot, spec.name);
  if (issues.length > 0) return { issues };
  const problems: Issue[] = [];
  for (const r of releases) {
    if (!semver.gt(spec.version, r.version)) {
      problems.push(issue('RELEASE_VERSION', where, `version ${spec.version} is not above the released ${r.version}`));
      continue;
    }
    const d = diffSpecs({ spec: r.spec, label: r.version, headerMode: false }, { spec, label: spec.version, headerMode: false }, { abis: o.abis, policy: o.policy, waivers: o.waivers });
    if (d.verdict === 'breaking') {
      const first = d.changes.filter((c) => c.waived !== true && c.allowedByPolicy !== true && ['abi-break', 'value-break', 'behavior-break'].includes(c.level)).slice(0, 5);
      problems.push(issue('RELEASE_BREAKS', where, `breaks release ${r.version} under the ${o.policy} policy: ${first.map((c) => `${c.rule} ${c.subject}`).join('; ')}`));
    }
  }
  if (problems.length > 0) return { issues: problems };
  // The golden trace of this release's userspace on today's core, when the emulated core speaks the uAPI.
  const traced = emulatorProblem(spec) === undefined ? recordReleaseTrace(spec, spec) : undefined;
  if (traced !== undefined && traced.trace === undefined) return { issues: traced.issues };
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(file, toJson(toCanonical(spec)) + '\n');
  const trace = traced?.trace !== undefined ? writeReleaseTrace(dir, traced.trace) : undefined;
  return { written: file, ...(trace?.written !== undefined ? { trace: trace.written } : {}), issues: trace?.issues ?? [] };
}
