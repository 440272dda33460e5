/** One benchmark: prepares its state, then gives the operation the runner times. */
export interface Benchmark {
  /** Stable name (contract: appears in `--format json`), e.g. `emulator.info_ioctl`. */
  readonly name: string;
  readonly unit: 'ops/s';
  readonly description: string;
  /** Builds fresh state; the returned operation must be repeatable and must not throw. */
  setup(): BenchOperation;
}

export interface BenchOperation {
  /** Runs the operation once; returns false if it did not do what it should (the run then fails). */
  run(): boolean;
  teardown?(): void;
}

/** What `--format json` prints per benchmark (contract). */
export interface BenchResult {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
}
