import { countItems, countsLine, messageWithAbis, type Report, type ReportItem, type ReportLevel } from './report';

// Workflow commands are `::command key=value,key=value::data`. The runner decodes %25, %0D and %0A
// in the data, and additionally %3A and %2C in property values, where `:` and `,` are separators.
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

const COMMAND: { readonly [L in ReportLevel]: string } = { error: 'error', warning: 'warning', info: 'notice' };

/** One workflow command; a waived item is a notice whatever its level, since it does not fail. */
export function formatItemGithub(i: ReportItem): string {
  const command = i.waived !== undefined ? 'notice' : COMMAND[i.level];
  const props: string[] = [];
  if (i.location !== undefined) {
    props.push(`file=${escapeProperty(i.location.file)}`);
    if (i.location.line !== undefined) props.push(`line=${i.location.line}`);
    if (i.location.line !== undefined && i.location.col !== undefined) props.push(`col=${i.location.col}`);
  }
  const level = i.label ?? i.level;
  props.push(`title=${escapeProperty(`${i.rule} ${i.waived !== undefined ? `${level} waived` : level}: ${i.subject}`)}`);
  const waiver = i.waived !== undefined ? ` (waived: ${i.waived})` : '';
  return `::${command} ${props.join(',')}::${escapeData(`${i.subject}: ${messageWithAbis(i)}${waiver}`)}`;
}

/**
 * GitHub Actions workflow annotations: one command per item, attached to its file and line when
 * known, then a notice with the verdict so the run's summary says what happened.
 */
export function formatGithub(report: Report): string {
  const lines = report.items.map(formatItemGithub);
  const verdict = `${report.verdict}: ${countsLine(countItems(report.items))}`;
  lines.push(`::notice title=${escapeProperty(report.title)}::${escapeData(verdict)}`);
  return lines.join('\n') + '\n';
}
