import { MARKDOWN_ICON, markdownCode as code, markdownItems, markdownText as plain } from '../report/markdown';
import { countItems, countsLine } from '../report/report';
import { RULE_REGISTRY } from './rule-registry';
import type { CheckResult, StepResult } from './step';

/** Rows per failing step; a PR comment must stay far below GitHub's 65,536 characters. */
const MAX_ROWS = 40;

const RULES = [...RULE_REGISTRY.values()];

function failingStep(s: StepResult): string[] {
  const failedProps = (s.properties ?? []).filter((p) => p.verdict === 'fail');
  return [
    `### ${MARKDOWN_ICON.fail} ${plain(s.name)}: ${plain(s.summary)}`,
    '',
    `Reproduce: ${code(s.command)}`,
    '',
    ...markdownItems({ title: s.name, verdict: s.summary, failed: true, items: s.items, rules: RULES }, { maxRows: MAX_ROWS, elsewhere: '`report.json` and `index.html`', ...(s.note !== undefined ? { note: s.note } : {}) }),
    ...failedProps.flatMap((p) => [`- property ${code(p.name)} failed${p.message !== undefined ? `: ${plain(p.message.split('\n')[0] ?? '')}` : ''}${p.command !== undefined ? ` — replay: ${code(p.command)}` : ''}`]),
    ...(failedProps.length > 0 ? [''] : []),
  ];
}

/**
 * `summary.md` of `uapi check --out`, made to be posted as a pull-request comment: the verdict first,
 * then every step in one table, then for each failing step what broke, why the rule matters and the
 * command that reproduces it alone (each through the report writer's Markdown body); the layout
 * diagrams stay in index.html.
 */
export function formatCheckSummary(result: CheckResult, command: string): string {
  const failed = result.steps.filter((s) => s.verdict === 'fail');
  const counts = countsLine(countItems(result.steps.flatMap((s) => s.items)));
  const head = result.verdict === 'pass' ? `## ${MARKDOWN_ICON.pass} uapi check: pass` : `## ${MARKDOWN_ICON.fail} uapi check: FAIL`;
  return [
    head,
    '',
    `**${failed.length} of ${result.steps.length} steps failed** · ${counts}`,
    '',
    '| | Step | Result |',
    '| --- | --- | --- |',
    ...result.steps.map((s) => `| ${MARKDOWN_ICON[s.verdict]} | ${plain(s.name)} | ${plain(s.summary)} |`),
    '',
    ...failed.flatMap(failingStep),
    `Reproduce the whole gate with ${code(command)}; \`index.html\` next to this file draws every changed struct layout, old against new.`,
    '',
  ].join('\n');
}
