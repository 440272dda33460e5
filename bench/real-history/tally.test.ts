import test from 'ava';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { judgeChange } from './match';
import { readJudgedDir, readJudgedFile, type JudgedPair } from './judgments';
import type { CorpusPair } from './pairs';
import type { ReportedChange } from './run-uapi';
import { jsonReport, textReport } from './report';
import { tally, type PairRun } from './tally';

const ALL = ['x86_64', 'i386', 'aarch64', 'arm', 'riscv64', 'ppc64le', 's390x', 'mips'];

function judgedFile(header: string, pairs: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-judged-'));
  const file = path.join(dir, `${header.replace(/\.h$/, '').replace(/\//g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify({ header, pairs }));
  return file;
}

const KVM: JudgedPair = {
  header: 'linux/kvm.h', old: '5.10', new: '6.1', file: 'x',
  entries: [
    { kind: 'break', subject: 'struct kvm_run.system_event.flags', level: 'abi-break', abis: ['i386'], reason: 'moved on i386' },
    { kind: 'notBreak', subject: 'struct kvm_run.*', reason: 'size-negotiated' },
    { kind: 'debatable', subject: 'struct kvm_run.s.*', reason: 'arguable' },
    { kind: 'notBreak', subject: 'constant KVM_CAP_*', reason: 'capability numbers are only added' },
  ],
};

test('an exact entry wins over prefixes, the longest prefix over shorter ones', (t) => {
  t.is(judgeChange(KVM, 'struct kvm_run.system_event.flags', ['i386']).judgment, 'true');
  t.is(judgeChange(KVM, 'struct kvm_run.s.regs', ALL).judgment, 'debatable');
  t.is(judgeChange(KVM, 'struct kvm_run.exit_reason', ALL).judgment, 'false');
  t.is(judgeChange(KVM, 'constant KVM_CAP_X', ALL).judgment, 'false');
  t.is(judgeChange(KVM, 'constant KVM_API_VERSION', ALL).judgment, 'unjudged');
  t.is(judgeChange(undefined, 'struct kvm_run', ALL).judgment, 'unjudged');
});

test('a break judged on some ABIs is false where the tool reports it only on others', (t) => {
  const onlyBreak: JudgedPair = { ...KVM, entries: KVM.entries.slice(0, 1) };
  const m = judgeChange(onlyBreak, 'struct kvm_run.system_event.flags', ['x86_64']);
  t.is(m.judgment, 'false');
  t.regex(m.note ?? '', /only on i386/);
  // Where a wider entry covers the other ABIs, that entry decides.
  t.is(judgeChange(KVM, 'struct kvm_run.system_event.flags', ['x86_64']).entry?.subject, 'struct kvm_run.*');
  t.is(judgeChange(KVM, 'struct kvm_run.system_event.flags', ['i386', 'x86_64']).judgment, 'true');
});

const pair = (header: string, old: '5.10' | '6.1', now: '6.1' | '6.12'): CorpusPair => ({ header, old, new: now, group: 'g', identicalText: false });
const change = (subject: string, level: string, abis: readonly string[] = ALL): ReportedChange => ({ rule: 'R', level, subject, abis, message: 'm' });

test('tally: precision, recall with misses, false breaking verdicts, failures, incumbent', (t) => {
  const judged = new Map([['linux/kvm.h 5.10->6.1', KVM], ['linux/fs.h 5.10->6.1', { header: 'linux/fs.h', old: '5.10', new: '6.1', file: 'y', entries: [{ kind: 'notBreak' as const, subject: 'constant RWF_SUPPORTED', reason: 'mask' }] }]]);
  const runs: PairRun[] = [
    { pair: pair('linux/kvm.h', '5.10', '6.1'), uapi: { ok: true, verdict: 'breaking', exitCode: 1, changes: [change('struct kvm_run.system_event.flags', 'abi-break', ['i386']), change('struct kvm_run.exit_reason', 'abi-break'), change('struct kvm_run.s.regs', 'compatible')] }, incumbent: { ok: true, breaking: true } },
    { pair: pair('linux/fs.h', '5.10', '6.1'), uapi: { ok: true, verdict: 'breaking', exitCode: 1, changes: [change('constant RWF_SUPPORTED', 'value-break'), change('constant NEW', 'hazard')] }, incumbent: { ok: true, breaking: true } },
    { pair: pair('linux/nbd.h', '6.1', '6.12'), uapi: { ok: false, exitCode: 2, reason: 'redefinition' }, incumbent: { ok: false, reason: 'gcc failed' } },
  ];
  const s = tally(runs, judged);
  t.like(s, { pairs: 3, judgedPairs: 2, precision: 33.3, falseAlarmShare: 66.7, judgedBreaks: 1, caughtBreaks: 1, recall: 100, breakingVerdicts: 2 });
  t.like(s.rated, { total: 3, true: 1, debatable: 0, false: 2, unjudged: 0 });
  t.like(s.hazards, { total: 1, unjudged: 1 });
  t.deepEqual(s.falseBreakingVerdicts, ['linux/fs.h 5.10->6.1']);
  t.deepEqual(s.failed.map((f) => f.pair), ['linux/nbd.h 6.1->6.12']);
  // kvm has a debatable entry for every ABI, so the x86_64 pipeline's breaking verdict there is not false.
  t.deepEqual(s.incumbent?.falseBreakingVerdicts, ['linux/fs.h 5.10->6.1']);
  t.deepEqual(s.incumbent?.failed.map((f) => f.pair), ['linux/nbd.h 6.1->6.12']);
});

test('per rule: breaking-level changes and hazards counted by judgment, most changes first', (t) => {
  const judged = new Map([['linux/kvm.h 5.10->6.1', KVM]]);
  const ruled = (rule: string, subject: string, level: string, abis: readonly string[] = ALL): ReportedChange => ({ ...change(subject, level, abis), rule });
  const s = tally([{ pair: pair('linux/kvm.h', '5.10', '6.1'), uapi: { ok: true, verdict: 'breaking', exitCode: 1, changes: [
    ruled('FIELD_MOVED', 'struct kvm_run.system_event.flags', 'abi-break', ['i386']),
    ruled('STRUCT_GROWN_SIZE_FIELD', 'struct kvm_run.exit_reason', 'hazard'),
    ruled('STRUCT_GROWN_SIZE_FIELD', 'struct kvm_run.s.regs', 'hazard'),
    ruled('STRUCT_GROWN_SIZE_FIELD', 'constant KVM_API_VERSION', 'hazard'),
    ruled('FIELD_APPENDED', 'struct kvm_run.x', 'compatible'),
  ] } }], judged);
  t.deepEqual(s.byRule, [
    { rule: 'STRUCT_GROWN_SIZE_FIELD', breaking: { true: 0, debatable: 0, false: 0, unjudged: 0 }, hazard: { true: 0, debatable: 1, false: 1, unjudged: 1 } },
    { rule: 'FIELD_MOVED', breaking: { true: 1, debatable: 0, false: 0, unjudged: 0 }, hazard: { true: 0, debatable: 0, false: 0, unjudged: 0 } },
  ]);
  const text = textReport(s, []);
  t.regex(text, /STRUCT_GROWN_SIZE_FIELD +- +3 \(0\/1\/1\/1\?\)/);
  t.regex(text, /FIELD_MOVED +1 \(1\/0\/0\) +-/);
  t.deepEqual((JSON.parse(jsonReport(s)) as { byRule: unknown }).byRule, s.byRule);
});

test('a judged break reported below a breaking level is a miss that says how it was reported', (t) => {
  const judged = new Map([['linux/kvm.h 5.10->6.1', KVM]]);
  // Its only break is on i386: an x86_64 breaking verdict on this pair is false.
  const i386Only = tally([{ pair: pair('linux/kvm.h', '5.10', '6.1'), uapi: { ok: true, verdict: 'identical', exitCode: 0, changes: [] }, incumbent: { ok: true, breaking: true } }], new Map([['linux/kvm.h 5.10->6.1', { ...KVM, entries: KVM.entries.slice(0, 1) }]]));
  t.deepEqual(i386Only.incumbent?.falseBreakingVerdicts, ['linux/kvm.h 5.10->6.1']);
  t.deepEqual(i386Only.misses.map((m) => m.reported), ['not reported']);
  const s = tally([{ pair: pair('linux/kvm.h', '5.10', '6.1'), uapi: { ok: true, verdict: 'compatible', exitCode: 0, changes: [change('struct kvm_run.system_event.flags', 'hazard', ['i386'])] } }], judged);
  t.is(s.recall, 0);
  t.deepEqual(s.misses.map((m) => m.reported), ['reported as hazard R']);
});

test('judged files: the format is checked, every problem an issue naming the file', (t) => {
  const good = judgedFile('linux/fs.h', [{ old: '5.10', new: '6.1', breaks: [{ subject: 'constant X', level: 'value-break', abis: ['i386'], reason: 'changed' }], notBreaks: [{ subject: 'struct y*', reason: 'grown' }] }]);
  const r = readJudgedFile(good);
  t.deepEqual(r.issues, []);
  t.is(r.pairs[0]?.entries.length, 2);
  t.is(readJudgedDir(path.dirname(good)).pairs.size, 1);
  const bad = judgedFile('linux/fs.h', [
    { old: '5.10', new: '6.1', breaks: [{ subject: 'constant X', level: 'bad', reason: 'two\nlines' }, { subject: 'constant Z', level: 'abi-break', abis: ['vax'], reason: 'r' }], notBreaks: [{ subject: 'constant X', reason: 'again' }] },
    { old: '4.19', new: '5.10' },
  ]);
  const messages = readJudgedFile(bad).issues.map((i) => i.message).join('\n');
  for (const m of [/level must be one of/, /one-line reason/, /abis must be/, /constant X is judged twice/, /must be kernel series/]) t.regex(messages, m);
  t.deepEqual(readJudgedFile(judgedFile('linux/kvm.h', [])).issues, []);
  const misnamed = path.join(path.dirname(good), 'linux-kvm.json');
  fs.writeFileSync(misnamed, JSON.stringify({ header: 'linux/fs.h', pairs: [] }));
  t.regex(readJudgedFile(misnamed).issues[0]?.message ?? '', /must name the header/);
});
