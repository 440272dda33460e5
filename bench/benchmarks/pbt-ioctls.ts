import { SUITE } from '../../harness/conformance/pbt/properties/catalogue';
import { runSuite, failed } from '../../harness/conformance/pbt/run/suite';
import { suiteAbis } from '../../harness/conformance/pbt/run/suite-setup';
import { spec } from '../../specs/habanalabs/spec';
import type { Benchmark } from '../benchmark';

/** Runs per property of one timed suite run (the quick suite's budget is 100; 10 keeps a run near 0.3 s). */
const RUNS_PER_PROPERTY = 10;
/** Fixed, so that every timed run makes the same calls and the ioctl count per run is exact. */
const SEED = 20260101;

/**
 * ioctls per second under fast-check, as the conformance suite makes them: one run of every property
 * of the suite (argument faults, the stateful model, the scenarios, the 64/32-bit comparison) on
 * x86_64 and i386 against the emulated core, the work `uapi check`'s quick step and `uapi fuzz` do.
 * The suite is deterministic for a seed, so the ioctls of one run are counted once in setup and every
 * timed run must make exactly as many and pass.
 */
export const pbtIoctlsBenchmark: Benchmark = {
  name: 'pbt.ioctls_per_s',
  unit: 'ioctls/s',
  description: `the conformance suite under fast-check (${SUITE.length} properties, x86_64 + i386, ${RUNS_PER_PROPERTY} runs each) against the emulated core`,
  setup() {
    const abis = suiteAbis(undefined);
    const once = (): { ioctls: number; ok: boolean } => {
      const r = runSuite({ spec, abis, counter: { ioctls: 0 }, runs: RUNS_PER_PROPERTY, seed: SEED, endOnFailure: true });
      return { ioctls: r.ioctls, ok: !failed(r.outcomes) };
    };
    const first = once();
    if (!first.ok) throw new Error('bench: the conformance suite fails on the emulated core');
    return {
      itemsPerRun: first.ioctls,
      run: () => {
        const r = once();
        return r.ok && r.ioctls === first.ioctls;
      },
    };
  },
};
