import type { Change } from '../contract/diff/change';
import type { Abi } from '../core/layout/abi';
import type { ReportItem } from '../report/report';
import type { Spec } from '../core/model/model';

export type StepVerdict = 'pass' | 'fail' | 'skip';

/** One step of the gate: what was checked, whether it passed, and what it found. */
export interface StepResult {
  readonly name: string;
  readonly verdict: StepVerdict;
  /** One line for people: `16 golden files match`, `breaking: 2 changes`. */
  readonly summary: string;
  readonly items: readonly ReportItem[];
  /** Text for people shown under the step in the terminal (e.g. the first golden diff). */
  readonly note?: string;
  /** How to reproduce the step alone. */
  readonly command: string;
  /** Step-specific machine-readable detail (the diff verdict, counts, ...). */
  readonly detail?: Readonly<Record<string, unknown>>;
  /** Every rule the step ran, as items name them, so that reports list the ones that found nothing. */
  readonly rules?: readonly string[];
  /** Set by steps that compare two versions, so that reports can draw old and new layouts side by side. */
  readonly comparison?: StepComparison;
  /** Set by steps that run properties: one result per property. */
  readonly properties?: readonly PropertyResult[];
}

/** What a comparing step compared: both specs, on which ABIs, and the classified changes. */
export interface StepComparison {
  readonly old: Spec;
  readonly new: Spec;
  readonly abis: readonly Abi[];
  readonly changes: readonly Change[];
}

/** One property of a property step. */
export interface PropertyResult {
  /** `D1/pad-must-be-zero hl_cs_in`, as the suite names it. */
  readonly name: string;
  readonly verdict: StepVerdict;
  /** How many generated cases ran. */
  readonly runs?: number;
  /** fast-check's seed and shrink path of a failure, to replay it exactly. */
  readonly seed?: number;
  readonly path?: string;
  /** The failure (with its counterexample), or why the property was skipped. */
  readonly message?: string;
  /** How to re-run this property alone (`npx uapi replay --seed N --path P`). */
  readonly command?: string;
}

export interface CheckResult {
  readonly verdict: 'pass' | 'fail';
  readonly steps: readonly StepResult[];
}

export function checkVerdict(steps: readonly StepResult[]): CheckResult['verdict'] {
  return steps.some((s) => s.verdict === 'fail') ? 'fail' : 'pass';
}
