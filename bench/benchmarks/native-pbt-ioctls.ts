import type { LoadedBenchmark } from '../benchmark';
import { userfaultfdDevice } from '../../harness/conformance/devices/userfaultfd/device';
import { runSuite, failed } from '../../harness/conformance/pbt/run/suite';
import { suiteAbis } from '../../harness/conformance/pbt/run/suite-setup';
import { userfaultfdUnavailable } from '../../harness/testing/userfaultfd-session';
import { spec } from '../../specs/userfaultfd/spec';

/** Runs per property of one timed suite run (as pbt.ioctls_per_s). */
const RUNS_PER_PROPERTY = 10;
const SEED = 20260101;

/**
 * The conformance suite's ioctls per second on the native backend, beside `pbt.ioctls_per_s` (the
 * emulated core): every spec-derived property of specs/userfaultfd, x86_64 + i386, against the
 * running kernel through pooled native executors, the work `uapi fuzz --backend native` does. Every
 * timed run must pass and make as many calls as the first (the suite is deterministic for a seed).
 * Needs /dev/userfaultfd openable (root); otherwise the figure is left out, saying why.
 */
export const nativePbtIoctlsBenchmark: LoadedBenchmark = {
  name: 'native.pbt_ioctls_per_s',
  unit: 'ioctls/s',
  description: `the conformance suite under fast-check against the running kernel's userfaultfd (native backend, x86_64 + i386, ${RUNS_PER_PROPERTY} runs per property)`,
  load() {
    const unavailable = userfaultfdUnavailable();
    if (unavailable !== undefined) return Promise.resolve(unavailable.why);
    const device = userfaultfdDevice();
    const abis = suiteAbis(undefined);
    const once = (): { ioctls: number; ok: boolean } => {
      const r = runSuite({ spec, abis, counter: { ioctls: 0 }, runs: RUNS_PER_PROPERTY, seed: SEED, endOnFailure: true, device });
      return { ioctls: r.ioctls, ok: !failed(r.outcomes) };
    };
    const first = once();
    if (!first.ok) return Promise.resolve('the conformance suite fails on this kernel\'s userfaultfd (run uapi fuzz specs/userfaultfd --backend native)');
    return Promise.resolve({ itemsPerRun: first.ioctls, run: () => { const r = once(); return r.ok && r.ioctls === first.ioctls; } });
  },
};
