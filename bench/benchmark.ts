/** One rate benchmark: prepares its state, then gives the operation the runner times. */
export interface Benchmark {
  /** Stable name (contract: appears in `--format json`), e.g. `emulator.info_ioctl`. */
  readonly name: string;
  /** What the rate counts: `ops/s` (operations), or work items such as `types/s`. */
  readonly unit: string;
  readonly description: string;
  /** Builds fresh state; the returned operation must be repeatable and must not throw. */
  setup(): BenchOperation;
}

/**
 * A rate benchmark whose state needs asynchronous work first (headers imported through clang). The
 * work is not timed; a string says why it could not be done.
 */
export interface LoadedBenchmark {
  readonly name: string;
  readonly unit: string;
  readonly description: string;
  load(): Promise<BenchOperation | string>;
}

export interface BenchOperation {
  /** Runs the operation once; returns false if it did not do what it should (the run then fails). */
  run(): boolean;
  /** Work items one run does (types laid out, changes found); the rate counts these. Default 1. */
  readonly itemsPerRun?: number;
  teardown?(): void;
}

/** What `--format json` prints per figure (contract). */
export interface BenchResult {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
}
