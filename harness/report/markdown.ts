import { countItems, countsLine, locationText, type Report, type ReportItem, type ReportLevel } from './report';
import { pushAll } from '../core/util/push-all';

const ICON: { readonly [L in ReportLevel]: string } = { error: '❌', warning: '⚠️', info: 'ℹ️' };

// Table cells: outside code spans, Markdown punctuation is backslash-escaped so identifiers such as
// `__u64` never turn into emphasis and `<anonymous #1>` never into HTML; inside code spans only the
// pipe is escaped, which GitHub's table syntax requires even there. Line breaks become <br>.
function cell(s: string): string {
  const plain = (p: string): string => p.replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`);
  const parts = s.split('`');
  // An unpaired backtick opens no code span: then everything is plain text.
  const escaped = parts.length % 2 === 0
    ? plain(s)
    : parts.map((p, i) => (i % 2 === 1 ? `\`${p.replace(/\|/g, '\\|')}\`` : plain(p))).join('');
  return escaped.replace(/\r?\n/g, '<br>');
}

const code = (s: string): string => (s.includes('`') ? cell(s) : cell(`\`${s}\``));

function row(i: ReportItem, last: string): string {
  const level = `${i.waived !== undefined ? '' : `${ICON[i.level]} `}${i.label ?? i.level}`;
  const abis = i.abis !== undefined && i.abis.length > 0 ? ` (on ${i.abis.join(', ')})` : '';
  return `| ${cell(level)} | ${code(i.rule)} | ${code(i.subject)} | ${cell(i.message + abis)} | ${last} |`;
}

const where = (i: ReportItem): string => (i.location !== undefined ? code(locationText(i.location)) : '');

/**
 * A pull-request comment: the verdict first, then counts, then a table of what needs attention
 * (errors first); waived items follow folded, with their reasons, so a reviewer can re-check them.
 */
export function formatMarkdown(report: Report): string {
  const counts = countItems(report.items);
  const icon = report.failed ? '❌' : counts.error + counts.warning > 0 ? '⚠️' : '✅';
  const out = [`## ${icon} ${cell(report.title)}: ${cell(report.verdict)}`, '', countsLine(counts), ''];
  const rank: { readonly [L in ReportLevel]: number } = { error: 0, warning: 1, info: 2 };
  const open = report.items.filter((i) => i.waived === undefined);
  const ordered = open.map((item, index) => ({ item, index }))
    .sort((a, b) => rank[a.item.level] - rank[b.item.level] || a.index - b.index)
    .map((x) => x.item);
  if (ordered.length > 0) {
    out.push('| Level | Rule | Subject | Message | Where |', '| --- | --- | --- | --- | --- |');
    pushAll(out, ordered.map((i) => row(i, where(i))));
    out.push('');
  }
  const waived = report.items.filter((i) => i.waived !== undefined);
  if (waived.length > 0) {
    out.push('<details>', `<summary>${waived.length} waived</summary>`, '');
    out.push('| Level | Rule | Subject | Message | Reason |', '| --- | --- | --- | --- | --- |');
    pushAll(out, waived.map((i) => row(i, cell(i.waived ?? ''))));
    out.push('', '</details>', '');
  }
  return out.join('\n');
}
