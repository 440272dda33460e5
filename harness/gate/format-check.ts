import { collapseItems } from '../report/collapse';
import { formatCollapsedText } from '../report/text';
import type { Report, ReportItem } from '../report/report';
import { RULE_REGISTRY } from './rule-registry';
import type { Spec } from '../core/model/model';
import type { CheckResult, StepResult } from './step';

const MARK = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP' } as const;

/** Items worth a line in the terminal: everything unwaived that is not a plain note. */
const shown = (i: ReportItem): boolean => i.waived === undefined && i.level !== 'info';

/** Terminal output: one line per step, the findings that matter under it, then the verdict. */
export function formatCheckText(result: CheckResult): string {
  const out: string[] = [];
  for (const s of result.steps) {
    out.push(`${MARK[s.verdict]} ${s.name}: ${s.summary}`);
    for (const c of collapseItems(s.items.filter(shown))) out.push(`  ${formatCollapsedText(c)}`);
    if (s.note !== undefined) out.push(s.note.split('\n').map((l) => `    ${l}`).join('\n'));
    if (s.verdict === 'fail') out.push(`  reproduce: ${s.command}`);
  }
  const failed = result.steps.filter((s) => s.verdict === 'fail').length;
  out.push(`uapi check: ${result.verdict} (${result.steps.length} steps, ${failed} failed)`);
  return out.join('\n') + '\n';
}

/**
 * The gate as one report for the shared writers; each step is a check, its items carry its name, and
 * every rule of the registry is described. With one uAPI checked, items without a location of their
 * own (SARIF) are placed in its spec or header.
 */
export function checkReport(result: CheckResult, uapis: readonly { readonly spec: Pick<Spec, 'source'> }[] = []): Report {
  const items = result.steps.flatMap((s: StepResult) => s.items.map((i) => ({ ...i, subject: `${s.name}: ${i.subject}` })));
  const source = uapis.length === 1 ? uapis[0]?.spec.source : undefined;
  return {
    title: 'uapi check', verdict: result.verdict, failed: result.verdict === 'fail', items, checks: result.steps.map((s) => s.name),
    rules: [...RULE_REGISTRY.values()], ...(source !== undefined ? { source } : {}),
  };
}

/** `uapi check --format json` (contract): `{"verdict": "pass"|"fail", "steps": [...]}`. */
export function checkJson(result: CheckResult): unknown {
  return {
    verdict: result.verdict,
    steps: result.steps.map((s) => ({ name: s.name, verdict: s.verdict, summary: s.summary, command: s.command, ...(s.detail ?? {}), items: s.items, ...(s.note !== undefined ? { note: s.note } : {}) })),
  };
}
