import { countItems, countsLine, locationText, type Report, type ReportItem, type ReportLevel } from './report';
import { pushAll } from '../core/util/push-all';

/** The icon of a result: ✅ passed, ❌ failed (an error), ⚠️ a warning, ℹ️ a note, ⏭️ skipped. */
export const MARKDOWN_ICON = { pass: '✅', fail: '❌', skip: '⏭️', error: '❌', warning: '⚠️', info: 'ℹ️' } as const;

const escapePlain = (p: string): string => p.replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`);

/**
 * Plain text on one line (a heading, a list item): Markdown punctuation is backslash-escaped so that
 * names such as `__u64` or `a->b` stay literal and a pipe cannot end a table cell; line breaks
 * become spaces.
 */
export function markdownText(s: string): string {
  return escapePlain(s).replace(/\r?\n/g, ' ');
}

// Table cells: outside code spans, Markdown punctuation is backslash-escaped so identifiers such as
// `__u64` never turn into emphasis and `<anonymous #1>` never into HTML; inside code spans only the
// pipe is escaped, which GitHub's table syntax requires even there. Line breaks become <br>.
function cell(s: string): string {
  const parts = s.split('`');
  // An unpaired backtick opens no code span: then everything is plain text.
  const escaped = parts.length % 2 === 0
    ? escapePlain(s)
    : parts.map((p, i) => (i % 2 === 1 ? `\`${p.replace(/\|/g, '\\|')}\`` : escapePlain(p))).join('');
  return escaped.replace(/\r?\n/g, '<br>');
}

/** A name or a command as a code span (escaped as plain text when it holds a backtick itself). */
export function markdownCode(s: string): string {
  return s.includes('`') ? cell(s) : cell(`\`${s}\``);
}

/** A code fence longer than any run of backticks in `text`, so that the text cannot close it. */
export function markdownFence(text: string): string {
  return '`'.repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)));
}

function row(i: ReportItem, last: string): string {
  const level = `${i.waived !== undefined ? '' : `${MARKDOWN_ICON[i.level]} `}${i.label ?? i.level}`;
  const abis = i.abis !== undefined && i.abis.length > 0 ? ` (on ${i.abis.join(', ')})` : '';
  return `| ${cell(level)} | ${markdownCode(i.rule)} | ${markdownCode(i.subject)} | ${cell(i.message + abis)} | ${last} |`;
}

const where = (i: ReportItem): string => (i.location !== undefined ? markdownCode(locationText(i.location)) : '');

export interface MarkdownItemsOptions {
  /** At most this many rows (open items first); the rest is counted in a line that says where to find it. */
  readonly maxRows?: number;
  /** Where the rows left out can be read, for that line. */
  readonly elsewhere?: string;
  /** Preformatted text shown under the table (the first golden diff), in a fence it cannot close. */
  readonly note?: string;
}

/**
 * The body of a report: counts, a table of what needs attention (errors first), waived items folded
 * with their reasons so a reviewer can re-check them, a note, and, when the report carries its rules, why
 * each rule that failed matters (its purpose from the rule registry).
 */
export function markdownItems(report: Report, o: MarkdownItemsOptions = {}): string[] {
  const rank: { readonly [L in ReportLevel]: number } = { error: 0, warning: 1, info: 2 };
  const open = report.items.filter((i) => i.waived === undefined)
    .map((item, index) => ({ item, index }))
    .sort((a, b) => rank[a.item.level] - rank[b.item.level] || a.index - b.index)
    .map((x) => x.item);
  const all = [...open, ...report.items.filter((i) => i.waived !== undefined)];
  const shown = o.maxRows !== undefined ? all.slice(0, o.maxRows) : all;
  const out = [countsLine(countItems(shown)), ''];
  const shownOpen = shown.filter((i) => i.waived === undefined);
  if (shownOpen.length > 0) {
    out.push('| Level | Rule | Subject | Message | Where |', '| --- | --- | --- | --- | --- |');
    pushAll(out, shownOpen.map((i) => row(i, where(i))));
    out.push('');
  }
  const waived = shown.filter((i) => i.waived !== undefined);
  if (waived.length > 0) {
    out.push('<details>', `<summary>${waived.length} waived</summary>`, '');
    out.push('| Level | Rule | Subject | Message | Reason |', '| --- | --- | --- | --- | --- |');
    pushAll(out, waived.map((i) => row(i, cell(i.waived ?? ''))));
    out.push('', '</details>', '');
  }
  if (o.note !== undefined) out.push(markdownFence(o.note), o.note, markdownFence(o.note), '');
  if (all.length > shown.length) out.push(`… and ${all.length - shown.length} more${o.elsewhere !== undefined ? ` in ${o.elsewhere}` : ''}.`, '');
  const purposes = new Map((report.rules ?? []).map((r) => [r.id, r.purpose]));
  const failing = [...new Set(shownOpen.filter((i) => i.level === 'error').map((i) => i.rule))];
  const why = failing.flatMap((r) => {
    const purpose = purposes.get(r);
    return purpose !== undefined ? [`- ${markdownCode(r)}: ${markdownText(purpose)}`] : [];
  });
  if (why.length > 0) out.push('Why these rules matter:', ...why, '');
  return out;
}

/** A pull-request comment: the verdict first, then the report's body (see markdownItems). */
export function formatMarkdown(report: Report): string {
  const counts = countItems(report.items);
  const icon = report.failed ? MARKDOWN_ICON.fail : counts.error + counts.warning > 0 ? MARKDOWN_ICON.warning : MARKDOWN_ICON.pass;
  return [`## ${icon} ${cell(report.title)}: ${cell(report.verdict)}`, '', ...markdownItems(report)].join('\n');
}
