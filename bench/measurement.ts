import type { Issue } from '../harness/core/diagnostics/issue';
import type { BenchResult } from './benchmark';

/**
 * A benchmark that is not a rate: it runs whole commands or pipelines a few times and reports several
 * figures at once (times, ratios, counts), e.g. `uapi diff` against check-uapi.sh's pipeline.
 */
export interface Measurement {
  /** Prefix shared by its figures, e.g. `compare.header_pair`; `--filter` matches it and the figures' names. */
  readonly name: string;
  /** The names of every figure it reports (contract), in order. */
  readonly figures: readonly string[];
  readonly description: string;
  /** Run only when `--filter` names it (it takes long and measures no speed). */
  readonly optIn?: boolean;
  measure(context: MeasureContext): Promise<MeasureOutcome>;
}

export interface MeasureContext {
  /** The `--time` setting: measurements scale their repetitions by it (1 is the default run). */
  readonly seconds: number;
  /** Progress for people, on stderr; never part of the results. */
  readonly progress: (line: string) => void;
}

export interface MeasureOutcome {
  readonly results: readonly BenchResult[];
  /** How the figures were made and what they mean (shown under the text table). */
  readonly notes: readonly string[];
  /** A tool or input the measurement needs is missing: its figures are left out (exit 2). */
  readonly missing: readonly Issue[];
  /** Something that should have worked did not (exit 1). */
  readonly failures: readonly Issue[];
}
