import type { Abi } from '../core/layout/abi';
import { splitExpired, type PolicyName, type Waiver } from '../contract/diff';
import { hasErrors, type Issue } from '../core/diagnostics/issue';
import { listReleases } from '../contract/release/releases';
import type { Spec } from '../core/model/model';
import { DEFAULT_BUDGETS } from '../contract/config/config';
import { goldensStep } from './goldens-step';
import { lintStep } from './lint-step';
import { deviceOnBackend } from '../conformance/devices';
import type { BackendName } from '../core/boundary/process';
import { behaviourSkipStep, propertiesStep } from './properties-step';
import { releaseDiffStep } from './releases-step';
import { crossVersionStep } from './cross-version-step';
import { traceStep } from './trace-step';
import { binaryStep } from './binary-step';
import { BINARY_ABIS } from '../conformance/binary/record-binary-results';
import { waiversStep } from './waivers-step';
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
  /** Runs per property of the quick property suite (the configuration's budgets.quickRuns); 0 leaves the step out. */
  readonly quickRuns?: number;
  /** The date (YYYY-MM-DD) waivers' expiry is judged on (default: today, UTC). */
  readonly today?: string;
  /** Where the behaviour steps run (default emulated), and the node `--device` named for the native backend. */
  readonly backend?: BackendName;
  readonly node?: string;
}

/**
 * The gate for one uAPI: its goldens, a diff against every frozen release (oldest first), lint, the
 * quick property suite against the emulated core, then for every release the suite of its userspace
 * on the current core (cross-version), the replay of its golden ioctl trace, and its C client suite
 * compiled against its header and run through the interposer (binary, per ABI); for a uAPI no device
 * under test speaks, a skipped `behaviour` step with the reason instead.
 * Problems reading the releases come back as error issues (they are input errors, exit 2), and
 * nothing is run; warnings (what was cleaned up of an interrupted release) come back with the steps.
 */
export function checkUapi(target: CheckTarget, options: CheckOptions): { steps: StepResult[]; issues: Issue[] } {
  const { spec, argument } = target;
  // Releases are verified before anything uses them: a damaged one stops the gate (exit 2).
  const { releases, issues } = listReleases(options.snapshotsRoot, spec.name, options.cwd !== undefined ? { cwd: options.cwd } : {});
  if (hasErrors(issues)) return { steps: [], issues };
  const steps: StepResult[] = [goldensStep(spec, options.snapshotsRoot, options.abis, argument)];
  // An expired accepted change accepts nothing: the change counts again, and the waivers step fails.
  const { live, expired } = splitExpired(target.waivers, options.today);
  const diffs = releases.map((r) => releaseDiffStep(spec, argument, r, options.abis, options.policy, live, options.cwd));
  steps.push(...diffs);
  if (target.waivers.length > 0) steps.push(waiversStep(argument, target.waivers, expired, diffs, options.cwd));
  steps.push(lintStep(spec, argument, options.abis));
  // The quick property suite, for a uAPI the emulated core speaks (the others have nothing to run it on).
  const runs = options.quickRuns ?? DEFAULT_BUDGETS.quickRuns;
  const backend = options.backend ?? 'emulated';
  const chosen = runs > 0 ? deviceOnBackend(spec, backend, options.node) : {};
  const backendArgs = { backend, ...(options.node !== undefined ? { node: options.node } : {}) };
  // Nothing silent: a uAPI with no device under test says so in a step of its own.
  if (chosen.problem !== undefined) steps.push(behaviourSkipStep(spec, argument, chosen.problem, /--backend native not given/.test(chosen.problem) ? 'native' : backend));
  if (runs > 0 && chosen.device !== undefined && backend === 'native') {
    // The running kernel: the spec-derived properties only (release suites, traces and C clients run against the emulated core).
    steps.push(propertiesStep(spec, argument, { runs, snapshotsRoot: options.snapshotsRoot, abis: options.abis, device: chosen.device, ...backendArgs }));
  } else if (runs > 0 && chosen.device !== undefined) {
    steps.push(propertiesStep(spec, argument, { runs, snapshotsRoot: options.snapshotsRoot, abis: options.abis }));
    for (const r of releases) steps.push(crossVersionStep(spec, argument, r, { runs, abis: options.abis }));
    for (const r of releases) steps.push(traceStep(spec, argument, r, options.cwd));
    // Each release's C client suite, a real compiled binary, on the current core, per ABI compared.
    const binaryAbis = BINARY_ABIS.filter((a) => options.abis.some((b) => b.name === a.name));
    for (const r of releases) for (const abi of binaryAbis) steps.push(binaryStep(spec, argument, r, abi, options.snapshotsRoot, options.cwd));
  }
  return { steps, issues };
}

export function checkResult(steps: readonly StepResult[]): CheckResult {
  return { verdict: checkVerdict(steps), steps };
}
