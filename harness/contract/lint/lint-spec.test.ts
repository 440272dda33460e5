import test from 'ava';
import { findAbi, type Abi } from '../../core/layout/abi';
import { defineSpec, ioctl, struct, u32, u64, u8 } from '../../core/model/dsl';
import { lintFailed, lintSummary } from './finding';
import { lintSpec } from './lint-spec';
import { LINT_RULES, findLintRule } from './rules';

test('the rules table has S1..S15 in order, each with a name, a purpose and a severity', (t) => {
  t.deepEqual(LINT_RULES.map((r) => r.id), ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8', 'S9', 'S10', 'S11', 'S12', 'S13', 'S14', 'S15']);
  t.deepEqual(LINT_RULES.map((r) => r.severity), ['error', 'error', 'error', 'error', 'error', 'error', 'warning', 'warning', 'error', 'error', 'error', 'warning', 'warning', 'warning', 'warning']);
  for (const r of LINT_RULES) {
    t.regex(r.name, /^[a-z0-9-]+$/);
    t.true(r.purpose.length > 20, r.id);
  }
  t.is(findLintRule('s2')?.id, 'S2');
  t.is(findLintRule('S2/no-implicit-padding')?.id, 'S2');
  t.is(findLintRule('no-implicit-padding')?.id, 'S2');
  t.is(findLintRule('S16'), undefined);
});

test('a waiver keeps the finding, marked waived with its reason, and it no longer fails the run', (t) => {
  const holey = struct('holey', { a: u8, b: u32 }, { lintWaivers: [{ rule: 'S2', reason: 'frozen since 4.19; the driver zeroes the hole' }] });
  const spec = defineSpec({ name: 'w', version: '1.0.0', types: [holey] });
  const findings = lintSpec(spec, { rules: ['S2'] });
  t.deepEqual(findings.map((f) => [f.rule, f.subject, f.waived, f.reason]), [['S2', 'struct holey.b', true, 'frozen since 4.19; the driver zeroes the hole']]);
  t.false(lintFailed(findings));
  t.deepEqual(lintSummary(findings), { errors: 0, warnings: 0, info: 0, waived: 1, failed: false });
  const unwaived = lintSpec(defineSpec({ name: 'w', version: '1.0.0', types: [struct('holey', { a: u8, b: u32 })] }), { rules: ['S2'] });
  t.true(lintFailed(unwaived));
});

test('an ioctl finding is waived by the waivers of its argument type', (t) => {
  const arg = struct('arg_w', { a: u32.in(), b: u32.in() }, { lintWaivers: [{ rule: 'S9/ioctl-macro-use', reason: 'request number frozen as _IOWR' }] });
  const findings = lintSpec(defineSpec({ name: 'w', version: '1.0.0', ioctls: [ioctl('W_RW', { dir: 'rw', type: 'x', nr: 1, arg })] }), { rules: ['S9'] });
  t.deepEqual(findings.map((f) => [f.subject, f.waived]), [['ioctl W_RW', true]]);
});

test('waivers naming no rule or giving no reason are errors; unused ones are noted only on a full run', (t) => {
  const s = struct('waivers_bad', { a: u32, b: u32 }, {
    lintWaivers: [{ rule: 'S99', reason: 'typo' }, { rule: 'S2', reason: ' ' }, { rule: 'S3', reason: 'never needed' }],
  });
  const spec = defineSpec({ name: 'w', version: '1.0.0', types: [s] });
  const full = lintSpec(spec).filter((f) => f.rule === 'waivers');
  t.deepEqual(full.map((f) => `${f.severity} ${f.message}`), [
    'error waiver names no lint rule: `S99` (rules are S1 ... S15)',
    'error waiver of S2 gives no reason: a reviewer must be able to read why the rule does not apply',
    'info waiver of S3 accepts no finding: remove it, so that a later violation is not hidden',
  ]);
  t.true(lintFailed(full));
  const partial = lintSpec(spec, { abis: [findAbi('x86_64') as Abi] }).filter((f) => f.rule === 'waivers');
  t.deepEqual(partial.map((f) => f.severity), ['error', 'error']);
});

test('a lint waiver may name its owner and an expiry date; once expired it accepts nothing and fails lint, naming itself', (t) => {
  const waiver = (expires: string) => ({ rule: 'S2', reason: 'frozen since 4.19', owner: 'Jane Doe <jane@example.org>', expires });
  const live = lintSpec(defineSpec({ name: 'w', version: '1.0.0', types: [struct('holey', { a: u8, b: u32 }, { lintWaivers: [waiver('2999-12-31')] })] }), { rules: ['S2'] });
  t.deepEqual(live.map((f) => [f.rule, f.waived]), [['S2', true]]);
  t.false(lintFailed(live));
  const expired = lintSpec(defineSpec({ name: 'w', version: '1.0.0', types: [struct('holey', { a: u8, b: u32 }, { lintWaivers: [waiver('2020-01-31')] })] }), { rules: ['S2'] });
  t.true(lintFailed(expired));
  t.deepEqual(expired.map((f) => [f.rule, f.severity, f.subject, f.waived ?? false]), [['S2', 'error', 'struct holey.b', false], ['waivers', 'error', 'struct holey', false]]);
  t.is(expired[1]?.message, 'waiver of S2 expired on 2020-01-31 (owner: Jane Doe <jane@example.org>): fix the finding, or renew the waiver with a new expires date after review');
  const badDate = lintSpec(defineSpec({ name: 'w', version: '1.0.0', types: [struct('holey', { a: u8, b: u32 }, { lintWaivers: [waiver('31.01.2020')] })] }), { rules: ['S2'] });
  t.deepEqual(badDate.filter((f) => f.rule === 'waivers').map((f) => f.message), ['waiver of S2: expires must be a date written YYYY-MM-DD, got "31.01.2020"']);
});

test('findings come in rule order and are the same on every run', (t) => {
  const spec = defineSpec({
    name: 'order', version: '1.0.0',
    ioctls: [ioctl('ORDER', { dir: 'w', type: 'd', nr: 0x10, arg: struct('order_arg', { a: u32, b: u64, timeout_ms: u32 }) })],
  });
  const first = lintSpec(spec);
  t.deepEqual(first.map((f) => f.rule), ['S2', 'S2', 'S2', 'S5', 'S5', 'S8', 'S10']);
  t.deepEqual(lintSpec(spec), first);
});
