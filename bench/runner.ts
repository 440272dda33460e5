import type { Benchmark, BenchOperation, BenchResult } from './benchmark';

export interface RunOptions {
  /** Seconds of measurement per benchmark (after a warm-up of a fifth of that). */
  readonly seconds: number;
}

export type RunOutcome = { readonly ok: true; readonly result: BenchResult } | { readonly ok: false; readonly name: string; readonly message: string };

/** Times a rate benchmark (see {@link runOperation}); a setup that throws is a failed run. */
export function runBenchmark(b: Benchmark, options: RunOptions): RunOutcome {
  let op: BenchOperation;
  try {
    op = b.setup();
  } catch (e) {
    return { ok: false, name: b.name, message: `setup failed: ${(e as Error).message}` };
  }
  return runOperation(b.name, b.unit, op, options);
}

/**
 * Times an operation: a warm-up so the JIT settles, then batches of operations until the time is
 * spent; the rate is operations (times the work items each does) over elapsed wall time (monotonic
 * clock). The batch size grows so that reading the clock costs nothing measurable.
 */
export function runOperation(name: string, unit: string, op: BenchOperation, options: RunOptions): RunOutcome {
  try {
    const phase = (seconds: number): { ops: number; ns: bigint } | string => {
      const budget = BigInt(Math.round(seconds * 1e9));
      // From one operation: a slow one (a whole property suite run) must not be run 16 times past the
      // budget; fast ones double quickly (until a batch takes a twentieth of the budget).
      let batch = 1;
      let ops = 0;
      const start = process.hrtime.bigint();
      let elapsed = 0n;
      while (elapsed < budget) {
        for (let i = 0; i < batch; i++) if (!op.run()) return `operation failed after ${ops + i} runs`;
        ops += batch;
        elapsed = process.hrtime.bigint() - start;
        if (elapsed < budget / 20n) batch *= 2;
      }
      return { ops, ns: elapsed };
    };
    const warm = phase(options.seconds / 5);
    if (typeof warm === 'string') return { ok: false, name, message: warm };
    const m = phase(options.seconds);
    if (typeof m === 'string') return { ok: false, name, message: m };
    const items = m.ops * (op.itemsPerRun ?? 1);
    return { ok: true, result: { name, value: Math.round((items * 1e9) / Number(m.ns)), unit } };
  } finally {
    op.teardown?.();
  }
}
