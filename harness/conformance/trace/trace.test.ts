import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'ava';
import { spec } from '../../../specs/habanalabs/spec';
import { SUITE } from '../pbt/properties/catalogue';
import { suiteAbis } from '../pbt/run/suite-setup';
import { describeDivergence } from './describe-divergence';
import { recordTrace } from './record-trace';
import { replayTrace } from './replay-trace';
import { readTrace, traceText } from './trace-file';
import type { Trace, TraceStep } from './trace-format';
import { TRACED_PROPERTIES, UNTRACED_PROPERTIES } from './traced-properties';

const abis = suiteAbis(undefined);
const record = (): Trace => {
  const r = recordTrace(spec, { abis, runs: 2 });
  if (r.trace === undefined) throw new Error(`the suite fails: ${r.failures.map((f) => f.message).join('; ')}`);
  return r.trace;
};
const trace = record();

test('every suite property is either traced or left out with a reason, not both', (t) => {
  const ids = SUITE.map((p) => p.id).sort();
  t.deepEqual([...TRACED_PROPERTIES, ...Object.keys(UNTRACED_PROPERTIES)].sort(), ids);
});

test('recording is deterministic: the same spec, seed and budget give the same text', (t) => {
  t.is(traceText(record()), traceText(trace));
  t.true(trace.sessions.length > 10);
  t.true(trace.ioctls > 100);
  t.deepEqual(trace.abis, ['x86_64', 'i386']);
});

test('the core a trace was recorded on replays it with every answer the same', (t) => {
  const r = replayTrace(trace, spec);
  t.is(r.divergence, undefined);
  t.is(r.sessions, trace.sessions.length);
  t.is(r.ioctls, trace.ioctls);
  t.is(r.steps, trace.sessions.reduce((a, s) => a + s.steps.length, 0));
});

test('a core that answers differently diverges, and the first divergent call is shown side by side', (t) => {
  const r = replayTrace(trace, spec, { mutations: ['skip-output-zeroing'] });
  const d = r.divergence;
  if (d === undefined) return t.fail('the mutated core replayed the trace unchanged');
  t.is(d.recorded.op, 'ioctl');
  const text = describeDivergence(trace, spec, d);
  t.regex(text, /recorded\s+replayed/);
  t.regex(text, /≠ wrote at 0x[0-9a-f]+/);
  t.regex(text, /DRM_IOCTL_HL_\w+ \(size \d+, request [0-9a-f]{8}\)/);
  t.regex(text, new RegExp(`session ${d.session + 1} of ${trace.sessions.length}`));
  return undefined;
});

test('a changed answer in the trace is found at that very step', (t) => {
  const s = trace.sessions.length - 1;
  const session = trace.sessions[s];
  if (session === undefined) return t.fail('no session');
  const k = session.steps.findIndex((i) => trace.steps[i]?.op === 'ioctl');
  const original = trace.steps[session.steps[k] ?? -1] as Extract<TraceStep, { op: 'ioctl' }>;
  const changed: TraceStep = { ...original, rc: original.rc === 0 ? 22 : 0 };
  const steps = [...trace.steps, changed];
  const sessions = trace.sessions.map((x, i) => (i === s ? { ...x, steps: x.steps.map((n, j) => (j === k ? steps.length - 1 : n)) } : x));
  const r = replayTrace({ ...trace, sessions, steps }, spec);
  t.is(r.divergence?.session, s);
  t.is(r.divergence?.step, k);
  t.deepEqual(r.divergence?.replayed, original);
  return undefined;
});

test('the trace text reads back as the trace; malformed files are issues naming the file', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-trace-'));
  try {
    const file = path.join(dir, 'trace.json');
    fs.writeFileSync(file, traceText(trace));
    t.deepEqual(readTrace(file).trace, trace);
    t.true(traceText(trace).split('\n').length > trace.steps.length, 'one step per line');
    fs.writeFileSync(file, JSON.stringify({ format: 'something-else' }));
    t.deepEqual(readTrace(file).issues.map((i) => i.code), ['TRACE_FORMAT']);
    fs.writeFileSync(file, JSON.stringify({ ...trace, sessions: [{ ...trace.sessions[0], steps: [trace.steps.length] }] }));
    t.regex(readTrace(file).issues[0]?.message ?? '', /sessions\[0\] refers to a step/);
    fs.writeFileSync(file, '{');
    t.is(readTrace(file).issues[0]?.loc?.file, file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a step the replayer does not know is a divergence that says so, not a crash', (t) => {
  const steps = [...trace.steps, { op: 'reboot', p: 0, rc: 0 } as unknown as TraceStep];
  const first = trace.sessions[0];
  if (first === undefined) return t.fail('no session');
  const r = replayTrace({ ...trace, sessions: [{ ...first, steps: [...first.steps, steps.length - 1] }], steps }, spec);
  t.is(r.divergence?.step, first.steps.length);
  t.regex(r.divergence?.problem ?? '', /unknown step "reboot"/);
  return undefined;
});
