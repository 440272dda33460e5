import * as path from 'node:path';
import type { Abi } from '../core/layout/abi';
import type { ReportItem } from '../report/report';
import { isReleased } from '../contract/release/store-layout';
import { compareGoldens, goldenFiles, versionDir } from '../contract/snapshot';
import type { Spec } from '../core/model/model';
import type { RegisteredRule } from '../core/rules/registered-rule';
import type { StepResult } from './step';

export const GOLDEN_MISSING = 'GOLDEN_MISSING';
export const GOLDEN_CHANGED = 'GOLDEN_CHANGED';

/** What this step reports, as the rule registry lists it. */
export const REGISTERED_GOLDEN_RULES: readonly RegisteredRule[] = [
  { id: GOLDEN_MISSING, family: 'check', level: 'error', severity: 'error', purpose: 'every layout, request number, enum and constant of the working version is pinned by a committed golden file on every ABI' },
  { id: GOLDEN_CHANGED, family: 'check', level: 'error', severity: 'error', purpose: 'what the spec computes equals the committed goldens: a difference is accepted only in review (snapshot --update), never silently' },
];

/** The committed golden layouts of the working version against what the spec computes now. */
export function goldensStep(spec: Spec, snapshotsRoot: string, abis: readonly Abi[], specArg: string): StepResult {
  const results = compareGoldens(snapshotsRoot, goldenFiles(spec, abis));
  const bad = results.filter((r) => r.status !== 'same');
  // The goldens of a released version are frozen: a spec that no longer matches them is a new version.
  const released = isReleased(path.join(snapshotsRoot, versionDir(spec)));
  const items = bad.map((r): ReportItem => ({
    rule: r.status === 'missing' ? GOLDEN_MISSING : GOLDEN_CHANGED,
    level: 'error',
    subject: path.join(path.basename(snapshotsRoot), r.file.relPath),
    message: released
      ? `the spec differs from release ${spec.version}, which is frozen: bump the version in the spec, then \`npx uapi snapshot --update\` writes the goldens of the new version`
      : r.status === 'missing'
        ? 'no golden file for the working version; create it with `npx uapi snapshot --update` and commit it'
        : 'layout differs from the committed golden; `npx uapi snapshot` shows the diff, `--update` accepts it for review',
  }));
  // The first readable (.txt) diff, cut short, is what a person needs to see in the terminal.
  const first = bad.find((r) => r.status === 'changed' && r.file.relPath.endsWith('.txt'));
  const lines = first?.diff?.split('\n') ?? [];
  const note = first === undefined ? undefined : [...lines.slice(0, 40), ...(lines.length > 40 ? [`... (${lines.length - 40} more lines)`] : [])].join('\n');
  return {
    name: `goldens ${spec.name} ${spec.version}`,
    verdict: bad.length === 0 ? 'pass' : 'fail',
    summary: bad.length === 0 ? `${results.length} golden files match` : `${bad.length} of ${results.length} golden files differ or are missing`,
    items,
    ...(note !== undefined ? { note } : {}),
    command: `npx uapi snapshot ${specArg}`,
  };
}
