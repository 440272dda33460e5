import { formatItemText } from './text';
import { escapeXmlAttribute as attr, escapeXmlText as text } from './xml-escape';
import { messageWithAbis, type Report, type ReportItem } from './report';

interface TestCase {
  readonly rule: string;
  readonly name: string;
  readonly items: readonly ReportItem[];
}

/** One test case per (rule, subject), in the order items first appear, then one per rule with no item. */
function testCases(report: Report): TestCase[] {
  const byKey = new Map<string, { rule: string; name: string; items: ReportItem[] }>();
  for (const i of report.items) {
    const key = `${i.rule}\u0000${i.subject}`;
    const c = byKey.get(key);
    if (c === undefined) byKey.set(key, { rule: i.rule, name: i.subject, items: [i] });
    else c.items.push(i);
  }
  const cases: TestCase[] = [...byKey.values()];
  const withItems = new Set(report.items.map((i) => i.rule));
  for (const rule of report.checks ?? []) if (!withItems.has(rule)) cases.push({ rule, name: rule, items: [] });
  return cases;
}

type Outcome = 'failed' | 'skipped' | 'passed';

// A test case fails exactly when it holds an unwaived error, so that the JUnit view and the exit
// code agree; warnings and notes are printed as output of a passing case; a case whose every item
// was waived is skipped, with the reasons.
function outcome(c: TestCase): Outcome {
  if (c.items.some((i) => i.waived === undefined && i.level === 'error')) return 'failed';
  if (c.items.length > 0 && c.items.every((i) => i.waived !== undefined)) return 'skipped';
  return 'passed';
}

function testCaseXml(c: TestCase, o: Outcome): string {
  const open = `    <testcase classname="${attr(c.rule)}" name="${attr(c.name)}"`;
  if (c.items.length === 0) return `${open}/>`;
  const body = text(c.items.map(formatItemText).join('\n'));
  const lines = [`${open}>`];
  if (o === 'failed') {
    const first = c.items.find((i) => i.waived === undefined && i.level === 'error') as ReportItem;
    lines.push(`      <failure type="${attr(first.label ?? first.level)}" message="${attr(messageWithAbis(first))}">${body}</failure>`);
  } else {
    if (o === 'skipped') lines.push(`      <skipped message="${attr(`waived: ${c.items.map((i) => i.waived).join('; ')}`)}"/>`);
    lines.push(`      <system-out>${body}</system-out>`);
  }
  lines.push('    </testcase>');
  return lines.join('\n');
}

/**
 * JUnit XML as CI servers read it: one suite per report, one test case per rule and subject (rules
 * that found nothing appear once, passing). Failures are exactly the unwaived errors.
 */
export function formatJunit(report: Report): string {
  const cases = testCases(report).map((c) => ({ c, o: outcome(c) }));
  const n = (o: Outcome): number => cases.filter((x) => x.o === o).length;
  const counts = `tests="${cases.length}" failures="${n('failed')}" errors="0" skipped="${n('skipped')}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(report.title)}" ${counts}>`,
    `  <testsuite name="${attr(report.title)}" ${counts}>`,
    ...cases.map(({ c, o }) => testCaseXml(c, o)),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
