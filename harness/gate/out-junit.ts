import { formatJunitSuites, itemsCase, type JunitCase, type JunitOutcome, type JunitSuite } from '../report/junit';
import type { CheckResult, StepResult, StepVerdict } from './step';

const OUTCOME: { readonly [V in StepVerdict]: JunitOutcome } = { pass: 'passed', fail: 'failed', skip: 'skipped' };

/** A step's own case, then one per rule it ran (rules that found nothing pass), then one per property. */
function stepSuite(step: StepResult): JunitSuite {
  const own: JunitCase = {
    classname: 'uapi check',
    name: step.name,
    outcome: OUTCOME[step.verdict],
    ...(step.verdict !== 'pass' ? { reason: step.summary } : {}),
    output: `${step.summary}\nreproduce: ${step.command}`,
  };
  const rules = [...new Set([...(step.rules ?? []), ...step.items.map((i) => i.rule)])];
  const byRule = rules.map((r) => itemsCase(step.name, r, step.items.filter((i) => i.rule === r)));
  const properties = (step.properties ?? []).map((p): JunitCase => ({
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
  return { name: step.name, cases: [own, ...byRule, ...properties] };
}

/**
 * `junit.xml` of `uapi check --out`: one suite per step, holding a case for the step itself, one per
 * rule it ran and one per property, so CI dashboards list every check that passed as well as what
 * failed. Failed cases are exactly the failed steps, rules with unwaived errors and failed properties.
 */
export function formatCheckJunit(result: CheckResult): string {
  return formatJunitSuites('uapi check', result.steps.map(stepSuite));
}
