import * as path from 'node:path';
import test from 'ava';
import { CHANGE_RULE_LIST } from '../contract/diff/rules';
import { findingLabel } from '../contract/lint/lint-report';
import { LINT_RULES } from '../contract/lint/rules';
import { WAIVER_RULE } from '../contract/lint/waivers';
import { RULE_IDS, SUITE_ERROR } from '../conformance/pbt/rules';
import { ruleRegistry } from '../core/rules/registered-rule';
import { firedRuleIds, productionSources } from '../testing/fired-rule-ids';
import { demoCheck } from '../testing/check-result-data';
import { formatCheckSummary } from './out-summary';
import { RULE_REGISTRY, rulePurpose } from './rule-registry';

const root = path.resolve(__dirname, '..', '..', '..');
/** Where results are reported under a rule id: the diff, lint, the property suite and the gate. */
const REPORTING = ['harness/contract/diff', 'harness/contract/lint', 'harness/conformance', 'harness/gate'];

test('every registered rule has an id, a family, a level, a severity and a one-line purpose', (t) => {
  t.true(RULE_REGISTRY.size > 100);
  for (const r of RULE_REGISTRY.values()) {
    t.regex(r.id, /^\S+$/, r.id);
    t.true(['change', 'lint', 'property', 'check'].includes(r.family), r.id);
    t.true(r.level.length > 0, r.id);
    t.true(['error', 'warning', 'info'].includes(r.severity), r.id);
    t.true(r.purpose.trim().length > 10 && !r.purpose.includes('\n'), r.id);
  }
});

test('each family is registered whole: change rules, lint rules (as reports name them), behaviour rules', (t) => {
  const missing = [
    ...CHANGE_RULE_LIST.map((r) => r.id),
    ...LINT_RULES.map((r) => findingLabel({ rule: r.id })), WAIVER_RULE,
    ...RULE_IDS, SUITE_ERROR,
  ].filter((id) => !RULE_REGISTRY.has(id));
  t.deepEqual(missing, []);
  t.is(RULE_REGISTRY.get('FIELD_MOVED')?.level, 'abi-break');
  t.is(RULE_REGISTRY.get('FIELD_MOVED')?.severity, 'error');
  t.is(RULE_REGISTRY.get('HOLE_GIVEN_MEANING')?.severity, 'warning');
  t.is(RULE_REGISTRY.get('S7/size-multiple-of-4')?.level, 'warning');
  t.is(RULE_REGISTRY.get('D1/nonzero-pad-rejected')?.family, 'property');
});

test('every rule id fired anywhere in the diff, lint, the property suite and the gate is registered', (t) => {
  const fired = firedRuleIds(productionSources(root, REPORTING));
  // The scan must see each kind of place a rule is fired from, or it proves nothing.
  const ids = new Set(fired.map((f) => f.id));
  for (const id of ['FIELD_MOVED', 'D14/stale-handle-rejected', 'no-cross-context-handle-use', WAIVER_RULE, SUITE_ERROR, 'GOLDEN_MISSING', 'TRACE_DIVERGED', 'WAIVER_EXPIRED']) t.true(ids.has(id), id);
  const unregistered = fired.filter((f) => !RULE_REGISTRY.has(f.id)).map((f) => `${f.file}:${f.line}: ${f.id}`);
  t.deepEqual(unregistered, []);
});

test('the scan finds a rule fired under an unregistered id (so the test above can fail)', (t) => {
  const fired = firedRuleIds({
    'harness/gate/x.ts': [
      "const NEW_CHECK = 'NEW_CHECK';",
      "export const a = { rule: cond ? NEW_CHECK : 'OTHER_CHECK', level: 'error' };",
      "ensure(ok, 'D99/invented', () => 'm');",
      "throw new Violation('no-invented-hole', 'm');",
    ].join('\n'),
  });
  t.deepEqual(fired.map((f) => `${f.line}: ${f.id}`), ['2: NEW_CHECK', '2: OTHER_CHECK', '3: D99/invented', '4: no-invented-hole']);
  t.deepEqual(fired.filter((f) => !RULE_REGISTRY.has(f.id)).length, 4);
});

test('an id declared twice is refused', (t) => {
  const r = { id: 'X', family: 'check', level: 'error', severity: 'error', purpose: 'one' } as const;
  t.throws(() => ruleRegistry([r], [{ ...r, family: 'lint' }]), { message: /rule X is declared twice \(check and lint\)/ });
});

test('summary.md gives the purpose of a failed property\'s rule, from the registry', (t) => {
  const input = demoCheck();
  const md = formatCheckSummary(input.result, input.command);
  const purpose = rulePurpose('D1/nonzero-pad-rejected') ?? '';
  t.regex(purpose, /^rules out pad and reserved bytes/);
  t.true(md.includes(`- \`D1/nonzero-pad-rejected\`: ${purpose}`), md);
});
