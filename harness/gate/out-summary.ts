import { formatMarkdown } from '../report/markdown';
import { countItems, countsLine, type ReportItem } from '../report/report';
import { rulePurpose } from './rule-registry';
import type { CheckResult, StepResult, StepVerdict } from './step';

const ICON: { readonly [V in StepVerdict]: string } = { pass: '✅', fail: '❌', skip: '⏭️' };
/** Rows per failing step; a PR comment must stay far below GitHub's 65,536 characters. */
const MAX_ROWS = 40;

// Plain text in a table cell or heading: Markdown punctuation is backslash-escaped so names such as
// `__u64` or `a->b` stay literal, and the pipe cannot end the cell.
const plain = (s: string): string => s.replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
const code = (s: string): string => (s.includes('`') ? plain(s) : `\`${s.replace(/\|/g, '\\|')}\``);

/** A code fence longer than any run of backticks in `text`, so that the text cannot close it. */
const fence = (text: string): string => '`'.repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)));

const rank = (i: ReportItem): number => (i.waived !== undefined ? 3 : { error: 0, warning: 1, info: 2 }[i.level]);

function failingStep(s: StepResult): string[] {
  const ordered = [...s.items].sort((a, b) => rank(a) - rank(b));
  const shown = ordered.slice(0, MAX_ROWS);
  const table = formatMarkdown({ title: s.name, verdict: s.summary, failed: true, items: shown }).split('\n').slice(2);
  const rules = [...new Set(shown.filter((i) => i.waived === undefined && i.level === 'error').map((i) => i.rule))];
  const why = rules.flatMap((r) => {
    const purpose = rulePurpose(r);
    return purpose !== undefined ? [`- ${code(r)}: ${plain(purpose)}`] : [];
  });
  const failedProps = (s.properties ?? []).filter((p) => p.verdict === 'fail');
  return [
    `### ${ICON.fail} ${plain(s.name)}: ${plain(s.summary)}`,
    '',
    `Reproduce: ${code(s.command)}`,
    '',
    ...table,
    ...(s.note !== undefined ? [fence(s.note), s.note, fence(s.note), ''] : []),
    ...(ordered.length > shown.length ? [`… and ${ordered.length - shown.length} more in \`report.json\` and \`index.html\`.`, ''] : []),
    ...(why.length > 0 ? ['Why these rules matter:', ...why, ''] : []),
    ...failedProps.flatMap((p) => [`- property ${code(p.name)} failed${p.message !== undefined ? `: ${plain(p.message.split('\n')[0] ?? '')}` : ''}${p.command !== undefined ? ` — replay: ${code(p.command)}` : ''}`]),
    ...(failedProps.length > 0 ? [''] : []),
  ];
}

/**
 * `summary.md` of `uapi check --out`, made to be posted as a pull-request comment: the verdict first,
 * then every step in one table, then for each failing step what broke, why the rule matters and the
 * command that reproduces it alone; the layout diagrams stay in index.html.
 */
export function formatCheckSummary(result: CheckResult, command: string): string {
  const failed = result.steps.filter((s) => s.verdict === 'fail');
  const counts = countsLine(countItems(result.steps.flatMap((s) => s.items)));
  const head = result.verdict === 'pass' ? `## ${ICON.pass} uapi check: pass` : `## ${ICON.fail} uapi check: FAIL`;
  return [
    head,
    '',
    `**${failed.length} of ${result.steps.length} steps failed** · ${counts}`,
    '',
    '| | Step | Result |',
    '| --- | --- | --- |',
    ...result.steps.map((s) => `| ${ICON[s.verdict]} | ${plain(s.name)} | ${plain(s.summary)} |`),
    '',
    ...failed.flatMap(failingStep),
    `Reproduce the whole gate with ${code(command)}; \`index.html\` next to this file draws every changed struct layout, old against new.`,
    '',
  ].join('\n');
}
