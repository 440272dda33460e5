import * as fs from 'node:fs';
import * as path from 'node:path';
import { issue, type Issue } from '../core/diagnostics/issue';
import { formatCheckHtml, type HtmlReportInput } from './html';
import { toJson } from '../core/util/json';
import { formatSarif } from '../report/sarif';
import { checkJson, checkReport } from './format-check';
import { formatCheckJunit } from './out-junit';
import { formatCheckSummary } from './out-summary';

/** The files `uapi check --out DIR` writes, in the order it writes them. */
export const CHECK_OUTPUT_FILES = ['report.json', 'summary.md', 'junit.xml', 'report.sarif', 'index.html'] as const;

/** Every report of one gate run, by file name; pure, so tests can read them without a disk. */
export function checkOutputs(input: HtmlReportInput): Readonly<Record<(typeof CHECK_OUTPUT_FILES)[number], string>> {
  return {
    'report.json': toJson(checkJson(input.result)) + '\n',
    'summary.md': formatCheckSummary(input.result, input.command),
    'junit.xml': formatCheckJunit(input.result),
    'report.sarif': formatSarif(checkReport(input.result, input.uapis)),
    'index.html': formatCheckHtml(input),
  };
}

/**
 * Writes the reports into `dir` (created if needed; other files there are left alone). A folder
 * that cannot be written comes back as an issue naming it, not as an exception.
 */
export function writeCheckOutputs(dir: string, input: HtmlReportInput): { written: string[]; issues: Issue[] } {
  const outputs = checkOutputs(input);
  const written: string[] = [];
  try {
    fs.mkdirSync(dir, { recursive: true });
    for (const name of CHECK_OUTPUT_FILES) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, outputs[name]);
      written.push(file);
    }
  } catch (e) {
    return { written, issues: [issue('CHECK_OUT_WRITE', dir, `cannot write the reports (${(e as Error).message}); pass a writable folder with --out DIR`)] };
  }
  return { written, issues: [] };
}
