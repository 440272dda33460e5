import { collapsedSuffix, collapseItems, type CollapsedItem } from './collapse';
import { countItems, countsLine, locationText, messageWithAbis, type Report, type ReportItem } from './report';

/**
 * One line per item, the shape compilers print so editors and CI problem matchers pick it up:
 * `file:line:col: RULE level: subject: message`; without a location the subject leads:
 * `subject: RULE level: message`. A waived item says `waived` where the level goes (so matchers
 * looking for `error:` skip it) and keeps the level and the waiver's reason at the end. Line breaks
 * inside a message become spaces: one item, one line.
 */
export function formatItemText(i: ReportItem): string {
  const level = i.label ?? i.level;
  const head = `${i.rule} ${i.waived !== undefined ? 'waived' : level}`;
  const tail = i.waived !== undefined ? ` (${level} waived: ${i.waived})` : '';
  const message = `${messageWithAbis(i)}${tail}`;
  const line = i.location !== undefined
    ? `${locationText(i.location)}: ${head}: ${i.subject}: ${message}`
    : `${i.subject}: ${head}: ${message}`;
  return line.replace(/\r?\n|\r/g, ' ');
}

/** One line for items that read the same (see collapseItems), with their count. */
export function formatCollapsedText(c: CollapsedItem): string {
  return `${formatItemText(c.item)}${collapsedSuffix(c)}`;
}

/** Every item (those that read the same on one line, with their count), then a summary line with the verdict. */
export function formatText(report: Report): string {
  const lines = collapseItems(report.items).map(formatCollapsedText);
  lines.push(`${report.title}: ${report.verdict}: ${countsLine(countItems(report.items))}`);
  return lines.join('\n') + '\n';
}
