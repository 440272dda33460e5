import { messageWithAbis, type ReportItem } from '../report/report';
import { formatItemText } from '../report/text';
import { escapeXmlAttribute as attr, escapeXmlText as text } from '../report/xml-escape';
import type { CheckResult, StepResult, StepVerdict } from './step';

type Outcome = 'failed' | 'skipped' | 'passed';

interface Case {
  readonly classname: string;
  readonly name: string;
  readonly outcome: Outcome;
  /** Failure or skip message (one line). */
  readonly reason?: string;
  readonly output: string;
}

const OUTCOME: { readonly [V in StepVerdict]: Outcome } = { pass: 'passed', fail: 'failed', skip: 'skipped' };

// The same rule as harness/report/junit.ts, so that JUnit views of lint, diff and check agree: a case
// fails exactly when it holds an unwaived error; one whose every item was waived is skipped.
function ruleCase(step: StepResult, rule: string, items: readonly ReportItem[]): Case {
  const firstError = items.find((i) => i.waived === undefined && i.level === 'error');
  const allWaived = items.length > 0 && items.every((i) => i.waived !== undefined);
  const output = items.map(formatItemText).join('\n');
  if (firstError !== undefined) return { classname: step.name, name: rule, outcome: 'failed', reason: messageWithAbis(firstError), output };
  if (allWaived) return { classname: step.name, name: rule, outcome: 'skipped', reason: `waived: ${items.map((i) => i.waived).join('; ')}`, output };
  return { classname: step.name, name: rule, outcome: 'passed', output };
}

/** A step's own case, then one per rule it ran (rules that found nothing pass), then one per property. */
function stepCases(step: StepResult): Case[] {
  const own: Case = {
    classname: 'uapi check',
    name: step.name,
    outcome: OUTCOME[step.verdict],
    ...(step.verdict !== 'pass' ? { reason: step.summary } : {}),
    output: `${step.summary}\nreproduce: ${step.command}`,
  };
  const rules = [...new Set([...(step.rules ?? []), ...step.items.map((i) => i.rule)])];
  const byRule = rules.map((r) => ruleCase(step, r, step.items.filter((i) => i.rule === r)));
  const properties = (step.properties ?? []).map((p): Case => ({
    classname: step.name,
    name: p.name,
    outcome: OUTCOME[p.verdict],
    ...(p.verdict !== 'pass' && p.message !== undefined ? { reason: p.message.split('\n')[0] ?? '' } : {}),
    output: [
      p.runs !== undefined ? `${p.runs} runs` : '',
      p.message ?? '',
      p.seed !== undefined ? `seed ${p.seed}${p.path !== undefined ? `, path "${p.path}"` : ''}` : '',
      p.command !== undefined ? `replay: ${p.command}` : '',
    ].filter((x) => x !== '').join('\n'),
  }));
  return [own, ...byRule, ...properties];
}

function caseXml(c: Case): string {
  const open = `    <testcase classname="${attr(c.classname)}" name="${attr(c.name)}"`;
  if (c.output === '' && c.outcome === 'passed') return `${open}/>`;
  const lines = [`${open}>`];
  if (c.outcome === 'failed') lines.push(`      <failure message="${attr(c.reason ?? '')}">${text(c.output)}</failure>`);
  else {
    if (c.outcome === 'skipped') lines.push(`      <skipped message="${attr(c.reason ?? '')}"/>`);
    if (c.output !== '') lines.push(`      <system-out>${text(c.output)}</system-out>`);
  }
  lines.push('    </testcase>');
  return lines.join('\n');
}

function counts(cases: readonly Case[]): string {
  const n = (o: Outcome): number => cases.filter((c) => c.outcome === o).length;
  return `tests="${cases.length}" failures="${n('failed')}" errors="0" skipped="${n('skipped')}"`;
}

/**
 * `junit.xml` of `uapi check --out`: one suite per step, holding a case for the step itself, one per
 * rule it ran and one per property, so CI dashboards list every check that passed as well as what
 * failed. Failed cases are exactly the failed steps, rules with unwaived errors and failed properties.
 */
export function formatCheckJunit(result: CheckResult): string {
  const suites = result.steps.map((s) => ({ step: s, cases: stepCases(s) }));
  const all = suites.flatMap((s) => s.cases);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="uapi check" ${counts(all)}>`,
    ...suites.flatMap(({ step, cases }) => [
      `  <testsuite name="${attr(step.name)}" ${counts(cases)}>`,
      ...cases.map(caseXml),
      '  </testsuite>',
    ]),
    '</testsuites>',
    '',
  ].join('\n');
}
