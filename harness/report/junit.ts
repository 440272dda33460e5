import { formatItemText } from './text';
import { escapeXmlAttribute as attr, escapeXmlText as text } from './xml-escape';
import { messageWithAbis, type Report, type ReportItem } from './report';

export type JunitOutcome = 'failed' | 'skipped' | 'passed';

/** One test case as CI servers show it. */
export interface JunitCase {
  readonly classname: string;
  readonly name: string;
  readonly outcome: JunitOutcome;
  /** The failure's `type` attribute (the level of the failing item), when there is one. */
  readonly failureType?: string;
  /** The failure's or skip's one-line message. */
  readonly reason?: string;
  /** Shown inside the failure, or as the case's output; a passing case without output is one empty element. */
  readonly output: string;
}

export interface JunitSuite {
  readonly name: string;
  readonly cases: readonly JunitCase[];
}

/**
 * The case for the items one rule found about one thing (or in one step). It fails exactly when it
 * holds an unwaived error, so that the JUnit view and the exit code agree; warnings and notes are
 * the output of a passing case; a case whose every item was waived is skipped, with the reasons.
 */
export function itemsCase(classname: string, name: string, items: readonly ReportItem[]): JunitCase {
  const output = items.map(formatItemText).join('\n');
  const firstError = items.find((i) => i.waived === undefined && i.level === 'error');
  if (firstError !== undefined) return { classname, name, outcome: 'failed', failureType: firstError.label ?? firstError.level, reason: messageWithAbis(firstError), output };
  if (items.length > 0 && items.every((i) => i.waived !== undefined)) return { classname, name, outcome: 'skipped', reason: `waived: ${items.map((i) => i.waived).join('; ')}`, output };
  return { classname, name, outcome: 'passed', output };
}

function caseXml(c: JunitCase): string {
  const open = `    <testcase classname="${attr(c.classname)}" name="${attr(c.name)}"`;
  if (c.output === '' && c.outcome === 'passed') return `${open}/>`;
  const lines = [`${open}>`];
  if (c.outcome === 'failed') {
    const type = c.failureType !== undefined ? ` type="${attr(c.failureType)}"` : '';
    lines.push(`      <failure${type} message="${attr(c.reason ?? '')}">${text(c.output)}</failure>`);
  } else {
    if (c.outcome === 'skipped') lines.push(`      <skipped message="${attr(c.reason ?? '')}"/>`);
    if (c.output !== '') lines.push(`      <system-out>${text(c.output)}</system-out>`);
  }
  lines.push('    </testcase>');
  return lines.join('\n');
}

function counts(cases: readonly JunitCase[]): string {
  const n = (o: JunitOutcome): number => cases.filter((c) => c.outcome === o).length;
  return `tests="${cases.length}" failures="${n('failed')}" errors="0" skipped="${n('skipped')}"`;
}

/** The one JUnit writer: `<testsuites>` named `name`, holding the suites in order. */
export function formatJunitSuites(name: string, suites: readonly JunitSuite[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(name)}" ${counts(suites.flatMap((s) => s.cases))}>`,
    ...suites.flatMap((s) => [`  <testsuite name="${attr(s.name)}" ${counts(s.cases)}>`, ...s.cases.map(caseXml), '  </testsuite>']),
    '</testsuites>',
    '',
  ].join('\n');
}

/** One case per (rule, subject), in the order items first appear, then one per rule with no item. */
function reportCases(report: Report): JunitCase[] {
  const byKey = new Map<string, { rule: string; name: string; items: ReportItem[] }>();
  for (const i of report.items) {
    const key = `${i.rule}\u0000${i.subject}`;
    const c = byKey.get(key);
    if (c === undefined) byKey.set(key, { rule: i.rule, name: i.subject, items: [i] });
    else c.items.push(i);
  }
  const cases = [...byKey.values()].map((c) => itemsCase(c.rule, c.name, c.items));
  const withItems = new Set(report.items.map((i) => i.rule));
  for (const rule of report.checks ?? []) if (!withItems.has(rule)) cases.push(itemsCase(rule, rule, []));
  return cases;
}

/**
 * JUnit XML as CI servers read it: one suite per report, one test case per rule and subject (rules
 * that found nothing appear once, passing). Failures are exactly the unwaived errors.
 */
export function formatJunit(report: Report): string {
  return formatJunitSuites(report.title, [{ name: report.title, cases: reportCases(report) }]);
}
