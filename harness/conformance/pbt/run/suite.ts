import { DEFAULT_DEVICE } from '../../devices';
import { suiteOf } from '../properties/catalogue';
import type { SuiteProperty } from '../properties/suite-property';
import { contextsFor, type ContextOptions } from './contexts';
import { replayFailure, type CorpusEntry } from './corpus';
import { runProperty, type PropertyOutcome } from './run-property';
import { propertySeed } from './seeds';

export interface SuiteOptions extends ContextOptions {
  /** Runs per property (the quick budget, or a fuzz round's). */
  readonly runs: number;
  /** The run's seed; each property derives its own from it (see propertySeed). */
  readonly seed: number;
  /** Which round of a fuzz run this is (0 for the quick suite). */
  readonly round?: number;
  /** No shrinking (mutation runs only need to know whether the suite notices). */
  readonly endOnFailure?: boolean;
  /** Stop at the first failing property (mutation runs). */
  readonly stopAtFirstFailure?: boolean;
  readonly properties?: readonly SuiteProperty[];
  /** Past failures, replayed before any property runs. */
  readonly corpus?: readonly CorpusEntry[];
  /** Stop starting properties after this time (ms since the epoch). */
  readonly deadline?: number;
  /** Stop a property's generation after this many ms (what ran counts). */
  readonly propertyTimeLimitMs?: number;
  readonly onOutcome?: (o: PropertyOutcome) => void;
}

export interface SuiteResult {
  /** The corpus replays, then every property run. */
  readonly outcomes: readonly PropertyOutcome[];
  readonly ioctls: number;
  readonly ms: number;
  /** Whether the deadline cut the run short. */
  readonly interrupted: boolean;
}

/** Whether any outcome failed. */
export const failed = (outcomes: readonly PropertyOutcome[]): boolean => outcomes.some((o) => o.verdict === 'fail');

/**
 * Runs the regression corpus, then every property of the suite in every context (per ABI, or per ABI
 * pair), with `runs` generated cases each. Deterministic: the same options give the same outcomes.
 */
export function runSuite(o: SuiteOptions): SuiteResult {
  const started = Date.now();
  const before = o.counter.ioctls;
  const outcomes: PropertyOutcome[] = [];
  const emit = (x: PropertyOutcome): boolean => {
    outcomes.push(x);
    o.onOutcome?.(x);
    return o.stopAtFirstFailure === true && x.verdict === 'fail';
  };
  const done = (interrupted: boolean): SuiteResult => ({ outcomes, ioctls: o.counter.ioctls - before, ms: Date.now() - started, interrupted });
  for (const entry of o.corpus ?? []) {
    const r = replayFailure(entry.failure, { spec: o.spec, deviceSpec: o.deviceSpec ?? o.spec, mutations: o.mutations ?? [], counter: o.counter, ...(o.device !== undefined ? { device: o.device } : {}) });
    if (r === undefined) continue;
    const name = `regression ${entry.file.split(/[\\/]/).pop() ?? entry.file}: ${r.name}`;
    if (emit({ ...r, name })) return done(false);
  }
  for (const p of o.properties ?? suiteOf(o.device ?? DEFAULT_DEVICE)) {
    for (const ctx of contextsFor(p, o)) {
      if (o.deadline !== undefined && Date.now() >= o.deadline) return done(true);
      const name = `${p.id}|${ctx.abi.name}|${ctx.mirror?.name ?? ''}`;
      const remaining = o.deadline !== undefined ? Math.max(1, o.deadline - Date.now()) : undefined;
      const limit = o.propertyTimeLimitMs !== undefined && remaining !== undefined ? Math.min(o.propertyTimeLimitMs, remaining) : o.propertyTimeLimitMs ?? remaining;
      const r = runProperty(p, ctx, {
        seed: propertySeed(o.seed, name, o.round ?? 0), numRuns: o.runs,
        ...(o.endOnFailure === true ? { endOnFailure: true } : {}),
        ...(limit !== undefined ? { timeLimitMs: limit } : {}),
      });
      if (emit(r)) return done(false);
    }
  }
  return done(false);
}
