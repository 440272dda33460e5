import type { Abi } from '../layout/abi';
import type { PolicyName, Waiver } from '../diff';
import type { Issue } from '../diagnostics/issue';
import { listReleases } from '../release/releases';
import type { Spec } from '../spec/model';
import { goldensStep } from './goldens-step';
import { lintStep } from './lint-step';
import { releaseDiffStep } from './releases-step';
import { checkVerdict, type CheckResult, type StepResult } from './step';

export interface CheckTarget {
  readonly spec: Spec;
  /** How the spec was named (a folder such as specs/habanalabs). */
  readonly argument: string;
  readonly waivers: readonly Waiver[];
}

export interface CheckOptions {
  readonly snapshotsRoot: string;
  readonly abis: readonly Abi[];
  readonly policy: PolicyName;
  /** Folder reproduce commands are relative to (default: the process's). */
  readonly cwd?: string;
}

/**
 * The gate for one uAPI: its goldens, a diff against every frozen release (oldest first), and lint.
 * Problems reading the releases come back as issues (they are input errors, exit 2).
 */
export function checkUapi(target: CheckTarget, options: CheckOptions): { steps: StepResult[]; issues: Issue[] } {
  const { spec, argument } = target;
  const steps: StepResult[] = [goldensStep(spec, options.snapshotsRoot, options.abis, argument)];
  const { releases, issues } = listReleases(options.snapshotsRoot, spec.name);
  for (const r of releases) steps.push(releaseDiffStep(spec, argument, r, options.abis, options.policy, target.waivers, options.cwd));
  steps.push(lintStep(spec, argument, options.abis));
  return { steps, issues };
}

export function checkResult(steps: readonly StepResult[]): CheckResult {
  return { verdict: checkVerdict(steps), steps };
}
