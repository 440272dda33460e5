/** What one tool concluded about one header of a whole-tree run. */
export interface HeaderOutcome {
  /** Path relative to the tree, e.g. `linux/if_alg.h`. */
  readonly path: string;
  /**
   * `compared`: both versions compiled and were diffed; `failed`: a version did not compile (or the
   * tool did not run properly), which check-uapi.sh reports as a failed header; `skipped`: a version
   * did not compile and the kernel's own header test exempts the header (kernel-header-test.ts).
   */
  readonly status: 'compared' | 'failed' | 'skipped';
  /** For compared headers: whether the tool calls the change breaking. */
  readonly breaking?: boolean;
  /** For failed and skipped headers: the first problem, for people. */
  readonly reason?: string;
}

/** Counts of a whole-tree run, per tool. */
export interface TreeCounts {
  readonly compared: number;
  readonly failed: number;
  readonly skipped: number;
  readonly breaking: number;
}

export function countOutcomes(outcomes: readonly HeaderOutcome[]): TreeCounts {
  return {
    compared: outcomes.filter((o) => o.status === 'compared').length,
    failed: outcomes.filter((o) => o.status === 'failed').length,
    skipped: outcomes.filter((o) => o.status === 'skipped').length,
    breaking: outcomes.filter((o) => o.breaking === true).length,
  };
}
