import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test, { type ExecutionContext } from 'ava';
import { spec as current } from '../../../specs/habanalabs/spec';
import { edits as csCountersReshaped, editsSameSize as csCountersRegrouped } from '../../../specs/habanalabs/history/breaks/cs-counters-reshaped';
import { edits as csFlagCollision } from '../../../specs/habanalabs/history/breaks/cs-flag-collision';
import { edits as gaudiReservationsChanged } from '../../../specs/habanalabs/history/breaks/gaudi-reservations-changed';
import { edits as ioctlsRenumbered } from '../../../specs/habanalabs/history/breaks/ioctls-renumbered';
import { edits as waitCsFieldMoved } from '../../../specs/habanalabs/history/breaks/wait-cs-field-moved';
import { edits as waitStatusRemoved } from '../../../specs/habanalabs/history/breaks/wait-status-removed';
import { CONFIG_FILE } from '../config/config';
import { findAbi } from '../../core/layout/abi';
import { layoutEngine } from '../../core/layout/engine';
import { toCanonical } from '../../core/model/canonical';
import type { Spec } from '../../core/model/model';
import { runCliCaptured, type CliRun } from '../../testing/run-cli-captured';
import { applySpecEdits } from '../../testing/spec-edits';
import { toJson } from '../../core/util/json';

// The real breaking steps of the habanalabs history, each taken as the next version (1.5.0) of the
// current spec, go through the gate as a maintainer's CI would run it: a project whose snapshots hold
// the current spec frozen as release 1.4.0, the candidate as the working spec with fresh goldens,
// `uapi check`. Each must fail (exit 1) on the diff against 1.4.0, with the rule that names the break
// and no other breaking rule, so the replay shows this harness would have stopped those builds.
// Specs travel as canonical JSON (spec.json), which the loader reads without compiling anything.
// What these tests prove is the release diff's verdict; the property suites of the gate run too, with
// the project's budgets.quickRuns of QUICK_RUNS runs per property (the suite at the default budget is
// harness/conformance/pbt/quick-suite.test.ts's; old userspace on the current core, harness/conformance/pbt/run/cross-version.test.ts's).

const UAPI = 'habanalabs';
const RELEASED = current.version;
const CANDIDATE = '1.5.0';
const QUICK_RUNS = 10;

function writeSpecJson(project: string, spec: Spec): void {
  const folder = path.join(project, 'specs', UAPI);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'spec.json'), toJson(toCanonical(spec)) + '\n');
}

function expectOk(what: string, r: CliRun): void {
  if (r.code !== 0) throw new Error(`${what} exited ${r.code}:\n${r.out}${r.err}`);
}

const projects: string[] = [];
let baseline = '';

test.before(async () => {
  baseline = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-real-breaks-'));
  projects.push(baseline);
  writeSpecJson(baseline, current);
  fs.writeFileSync(path.join(baseline, CONFIG_FILE), `${JSON.stringify({ budgets: { quickRuns: QUICK_RUNS } })}\n`);
  expectOk('snapshot --update of the current spec', await runCliCaptured(['snapshot', '--update'], { cwd: baseline }));
  expectOk('release of the current spec', await runCliCaptured(['release'], { cwd: baseline }));
});

test.after.always(() => {
  for (const p of projects) fs.rmSync(p, { recursive: true, force: true });
});

interface CheckStep {
  readonly name: string;
  readonly verdict: string;
  readonly items: readonly { rule: string; level: string; subject: string; waived?: string; message?: string }[];
  readonly note?: string;
}

/** `uapi check --format json` on a copy of the baseline project with `candidate` as the working spec. */
async function gate(candidate: Spec): Promise<{ code: number; verdict: string; steps: CheckStep[]; raw: string }> {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-real-breaks-'));
  projects.push(project);
  fs.cpSync(baseline, project, { recursive: true });
  writeSpecJson(project, candidate);
  expectOk('snapshot --update of the candidate', await runCliCaptured(['snapshot', '--update'], { cwd: project }));
  const r = await runCliCaptured(['check', '--format', 'json'], { cwd: project });
  let json: { verdict: string; steps: CheckStep[] };
  try {
    json = JSON.parse(r.out) as typeof json;
  } catch {
    throw new Error(`uapi check printed no JSON (exit ${r.code}):\n${r.out}${r.err}`);
  }
  return { code: r.code, verdict: json.verdict, steps: json.steps, raw: r.out + r.err };
}

const diffStepName = `diff ${UAPI}@${RELEASED} -> ${CANDIDATE}`;

/**
 * Runs the gate on `base` + `edits` and checks that it fails on the release diff alone, with exactly
 * the breaking rules `rules` and at least the (rule, subject) pairs of `subjects`.
 */
async function rejected(t: ExecutionContext, edits: Spec, rules: readonly string[], subjects: readonly [string, string][]): Promise<CheckStep[]> {
  const candidate = applySpecEdits(current, edits);
  t.is(candidate.version, CANDIDATE);
  const r = await gate(candidate);
  t.is(r.code, 1, r.raw);
  t.is(r.verdict, 'fail');
  const goldens = r.steps.find((s) => s.name.startsWith('goldens '));
  t.is(goldens?.verdict, 'pass', 'the candidate\'s fresh goldens match: the failure is the diff\'s');
  const diff = r.steps.find((s) => s.name === diffStepName);
  if (diff === undefined) {
    t.fail(`no step "${diffStepName}" in ${r.steps.map((s) => s.name).join(', ')}`);
    return r.steps;
  }
  const errors = diff.items.filter((i) => i.level === 'error' && i.waived === undefined);
  t.deepEqual([...new Set(errors.map((i) => i.rule))].sort(), [...rules].sort(), 'the breaking rules of the release diff');
  for (const [rule, subject] of subjects) {
    t.true(errors.some((i) => i.rule === rule && i.subject === subject), `${rule} ${subject}`);
  }
  return r.steps;
}

const x86_64 = findAbi('x86_64');

test('control: the current spec as 1.5.0 passes the same gate, old userspace and its trace included', async (t) => {
  const r = await gate({ ...current, version: CANDIDATE });
  t.is(r.code, 0, r.raw);
  t.is(r.verdict, 'pass');
  t.true(r.steps.some((s) => s.name === diffStepName));
  t.is(r.steps.find((s) => s.name === `userspace ${RELEASED} on the ${CANDIDATE} core`)?.verdict, 'pass');
  t.is(r.steps.find((s) => s.name === `trace ${RELEASED} on the ${CANDIDATE} core`)?.verdict, 'pass', 'uapi release recorded the trace');
});

test('5.16.12: interrupt_timeout_us moved inside a WAIT_CS argument of unchanged size', async (t) => {
  const candidate = applySpecEdits(current, waitCsFieldMoved);
  if (x86_64 === undefined) return t.fail('no x86_64 ABI');
  // Same size, so the request number (which encodes it) cannot tell the two layouts apart.
  t.is(layoutEngine(candidate, x86_64).record('hl_wait_cs_args').size, layoutEngine(current, x86_64).record('hl_wait_cs_args').size);
  await rejected(t, waitCsFieldMoved, ['FIELD_MOVED'], [
    ['FIELD_MOVED', 'struct hl_wait_cs_in.interrupt_timeout_us'],
    ['FIELD_MOVED', 'union hl_wait_cs_args.in.interrupt_timeout_us'],
  ]);
});

test('5.13: cs_counters reshaped under the same INFO opcode (nested 5.10 shape)', async (t) => {
  await rejected(t, csCountersReshaped, ['FIELD_MOVED', 'FIELD_REMOVED', 'STRUCT_SIZE_CHANGED'], [
    ['STRUCT_SIZE_CHANGED', 'struct hl_info_cs_counters'],
    ['FIELD_MOVED', 'struct hl_info_cs_counters.ctx_out_of_mem_drop_cnt'],
    ['FIELD_MOVED', 'struct hl_info_cs_counters.total_parsing_drop_cnt'],
  ]);
});

test('5.13: cs_counters regrouped at the same size is still caught, by the fields alone', async (t) => {
  await rejected(t, csCountersRegrouped, ['FIELD_MOVED'], [
    ['FIELD_MOVED', 'struct hl_info_cs_counters.ctx_out_of_mem_drop_cnt'],
    ['FIELD_MOVED', 'struct hl_info_cs_counters.total_validation_drop_cnt'],
  ]);
});

test('5.13: exported Gaudi sync-object and monitor reservations changed value', async (t) => {
  await rejected(t, gaudiReservationsChanged, ['CONSTANT_VALUE_CHANGED'], [
    ['CONSTANT_VALUE_CHANGED', 'constant GAUDI_FIRST_AVAILABLE_W_S_SYNC_OBJECT'],
    ['CONSTANT_VALUE_CHANGED', 'constant GAUDI_FIRST_AVAILABLE_W_S_MONITOR'],
  ]);
});

test('6.12: every request number renumbered (\'d\' 0x40.. <-> \'H\' 1..)', async (t) => {
  const names = ['INFO', 'CB', 'CS', 'WAIT_CS', 'MEMORY', 'DEBUG'].map((n) => `ioctl DRM_IOCTL_HL_${n}`);
  const steps = await rejected(t, ioctlsRenumbered, ['IOCTL_TYPE_CHANGED', 'IOCTL_NR_CHANGED', 'CONSTANT_VALUE_CHANGED'], [
    ...names.flatMap((s): [string, string][] => [['IOCTL_TYPE_CHANGED', s], ['IOCTL_NR_CHANGED', s]]),
    ['CONSTANT_VALUE_CHANGED', 'constant HL_COMMAND_START'],
  ]);
  // Old userspace sends the old numbers: its suite and its golden trace fail on the candidate's core too.
  const byName = (n: string): CheckStep | undefined => steps.find((s) => s.name === n);
  t.is(byName(`userspace ${RELEASED} on the ${CANDIDATE} core`)?.verdict, 'fail');
  const trace = byName(`trace ${RELEASED} on the ${CANDIDATE} core`);
  t.is(trace?.verdict, 'fail');
  t.is(trace?.items[0]?.rule, 'TRACE_DIVERGED');
  t.regex(trace?.note ?? '', /recorded\s+replayed[\s\S]*≠ result\s+0\s+ENOTTY/);
});

test('development history: a new CS flag on the bit of an existing one (0x400)', async (t) => {
  await rejected(t, csFlagCollision, ['FLAG_COLLISION'], [
    ['FLAG_COLLISION', 'constant HL_CS_FLAGS_NEW_FEATURE'],
  ]);
});

test('5.15: a wait status removed (as HL_WAIT_CS_STATUS_INTERRUPTED was)', async (t) => {
  await rejected(t, waitStatusRemoved, ['OPCODE_REMOVED'], [
    ['OPCODE_REMOVED', 'constant HL_WAIT_CS_STATUS_ABORTED'],
  ]);
});
