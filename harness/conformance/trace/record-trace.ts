import type { Abi } from '../../core/layout/abi';
import { SUITE } from '../pbt/properties/catalogue';
import { runSuite } from '../pbt/run/suite';
import type { PropertyOutcome } from '../pbt/run/run-property';
import { withSessionHook } from '../pbt/world/session-hook';
import type { Spec } from '../../core/model/model';
import { TRACE_FORMAT, type Trace } from './trace-format';
import { TraceRecorder } from './trace-recorder';
import { TRACED_PROPERTIES } from './traced-properties';

/** The seed and budget of every recorded trace: fixed, so that recording twice gives the same file. */
export const TRACE_SEED = 20260101;
export const TRACE_RUNS = 4;

export interface RecordOptions {
  /** The spec of the core that answers (default: the client's own, as when a release is frozen). */
  readonly deviceSpec?: Spec;
  readonly abis: readonly Abi[];
  readonly seed?: number;
  readonly runs?: number;
}

/**
 * Runs the traced properties of the suite generated from `spec` (its layouts, request numbers and
 * arguments) against the emulated core and records every session. A trace is golden only when the
 * suite passes: a failing property comes back instead of a trace.
 */
export function recordTrace(spec: Spec, o: RecordOptions): { trace?: Trace; failures: PropertyOutcome[] } {
  const recorder = new TraceRecorder();
  const seed = o.seed ?? TRACE_SEED;
  const runs = o.runs ?? TRACE_RUNS;
  const failures: PropertyOutcome[] = [];
  const ran: string[] = [];
  const counter = { ioctls: 0 };
  for (const id of TRACED_PROPERTIES) {
    const p = SUITE.find((x) => x.id === id);
    if (p === undefined) continue;
    recorder.property = id;
    const r = withSessionHook(recorder, () => runSuite({ spec, ...(o.deviceSpec !== undefined ? { deviceSpec: o.deviceSpec } : {}), abis: o.abis, counter, runs, seed, properties: [p], endOnFailure: true }));
    failures.push(...r.outcomes.filter((x) => x.verdict === 'fail'));
    if (r.outcomes.some((x) => x.verdict === 'pass')) ran.push(id);
  }
  if (failures.length > 0) return { failures };
  const trace: Trace = {
    format: TRACE_FORMAT, uapi: spec.name, version: spec.version, recordedOn: (o.deviceSpec ?? spec).version,
    seed, runs, properties: ran, abis: o.abis.map((a) => a.name), ioctls: recorder.ioctls,
    sessions: recorder.sessions, steps: recorder.steps,
  };
  return { trace, failures };
}
