import type { ReportItem } from '../report/report';

export type StepVerdict = 'pass' | 'fail' | 'skip';

/** One step of the gate: what was checked, whether it passed, and what it found. */
export interface StepResult {
  readonly name: string;
  readonly verdict: StepVerdict;
  /** One line for people: `16 golden files match`, `breaking: 2 changes`. */
  readonly summary: string;
  readonly items: readonly ReportItem[];
  /** How to reproduce the step alone. */
  readonly command: string;
  /** Step-specific machine-readable detail (the diff verdict, counts, ...). */
  readonly detail?: Readonly<Record<string, unknown>>;
}

export interface CheckResult {
  readonly verdict: 'pass' | 'fail';
  readonly steps: readonly StepResult[];
}

export function checkVerdict(steps: readonly StepResult[]): CheckResult['verdict'] {
  return steps.some((s) => s.verdict === 'fail') ? 'fail' : 'pass';
}
