import * as path from 'node:path';
import type { Abi } from '../core/layout/abi';
import { diffReport, diffSpecs, type PolicyName, type Waiver } from '../contract/diff';
import type { Release } from '../contract/release/releases';
import type { Spec } from '../core/model/model';
import type { StepResult } from './step';

/**
 * The working spec against one frozen release: old userspace built against that release must keep
 * working, so under the kernel policy nothing may break relative to *any* release, not only the last.
 */
export function releaseDiffStep(spec: Spec, specArg: string, release: Release, abis: readonly Abi[], policy: PolicyName, waivers: readonly Waiver[], cwd: string = process.cwd()): StepResult {
  const label = `${release.spec.name}@${release.version}`;
  const result = diffSpecs({ spec: release.spec, label, headerMode: false }, { spec, label: `${specArg} (${spec.version})`, headerMode: false }, { abis, policy, waivers });
  const report = diffReport(result);
  const counted = result.changes.filter((c) => c.waived !== true);
  return {
    name: `diff ${label} -> ${spec.version}`,
    verdict: result.verdict === 'breaking' ? 'fail' : 'pass',
    summary: `${result.verdict}: ${counted.length} change(s)${counted.length !== result.changes.length ? `, ${result.changes.length - counted.length} waived` : ''}`,
    items: report.items,
    command: `npx uapi diff ${path.relative(cwd, path.join(release.dir, 'spec.json'))} ${specArg} --policy ${policy}`,
    detail: { diffVerdict: result.verdict, release: release.version },
    ...(report.checks !== undefined ? { rules: report.checks } : {}),
    comparison: { old: release.spec, new: spec, abis, changes: result.changes },
  };
}
