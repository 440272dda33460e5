import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Release } from '../contract/release/releases';
import type { Spec } from '../core/model/model';
import { describeDivergence, callText } from '../conformance/trace/describe-divergence';
import { replayTrace } from '../conformance/trace/replay-trace';
import { readTrace } from '../conformance/trace/trace-file';
import { TRACE_FILE, type TraceStep } from '../conformance/trace/trace-format';
import type { RegisteredRule } from '../core/rules/registered-rule';
import type { StepResult } from './step';

export const TRACE_DIVERGED = 'TRACE_DIVERGED';

/** What this step reports, as the rule registry lists it. */
export const REGISTERED_TRACE_RULES: readonly RegisteredRule[] = [
  { id: TRACE_DIVERGED, family: 'check', level: 'error', severity: 'error', purpose: "a release's golden ioctl trace replays on the current core with the same answers, byte for byte: old binaries see the behaviour they were built against" },
];

/**
 * Replays a release's golden ioctl trace on the working spec's emulated core: every recorded call,
 * with its bytes, must get the recorded answer. A release frozen before traces existed has none
 * (the step says how to record one); an unreadable trace fails.
 */
export function traceStep(spec: Spec, specArg: string, release: Release, cwd: string = process.cwd()): StepResult {
  const file = path.join(release.dir, TRACE_FILE);
  const shown = path.relative(cwd, file);
  const name = `trace ${release.version} on the ${spec.version} core`;
  const command = `npx uapi trace ${specArg} --release ${release.version}`;
  if (!fs.existsSync(file)) {
    return { name, verdict: 'skip', summary: `${shown} does not exist: record it with \`npx uapi trace ${specArg} --record\``, items: [], command };
  }
  const { trace, issues } = readTrace(file);
  if (trace === undefined) {
    return { name, verdict: 'fail', summary: `${shown} cannot be read`, items: issues.map((i) => ({ rule: i.code, level: 'error', subject: shown, message: i.message })), command };
  }
  const r = replayTrace(trace, spec);
  const d = r.divergence;
  if (d === undefined) {
    return {
      name, verdict: 'pass',
      summary: `${r.sessions} sessions, ${r.steps} steps (${trace.ioctls} ioctls) answered as recorded`,
      items: [], command, detail: { release: release.version, sessions: r.sessions, steps: r.steps, ioctls: trace.ioctls, recordedOn: trace.recordedOn },
    };
  }
  const text = describeDivergence(trace, release.spec, d);
  const answer = (x: TraceStep | undefined): string => (x === undefined ? 'no answer' : `result ${x.rc}${x.op === 'ioctl' ? `, ${x.writes.length} write(s)` : ''}`);
  const oneLine = d.problem !== undefined ? `cannot replay: ${d.problem}` : `recorded ${answer(d.recorded)}; replayed ${answer(d.replayed)} (both side by side below)`;
  return {
    name, verdict: 'fail',
    summary: `session ${d.session + 1}, step ${d.step + 1} (${d.property} [${d.abi}]) answered differently`,
    items: [{ rule: TRACE_DIVERGED, level: 'error', subject: callText(release.spec, d.abi, d.recorded), message: oneLine }],
    note: text, command,
    detail: { release: release.version, session: d.session, step: d.step, recorded: d.recorded, replayed: d.replayed ?? null },
  };
}
