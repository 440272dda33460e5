import type { Report } from '../report/report';
import { formatGithub, formatJunit, formatMarkdown, formatSarif, formatText } from '../report';
import { toJson } from '../core/util/json';

export const REPORT_FORMATS = ['text', 'json', 'markdown', 'junit', 'github', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Renders a command's result in the chosen format; `json` is the command's own contract shape. */
export function renderReport(format: ReportFormat, report: Report, json: unknown): string {
  switch (format) {
    case 'text': return formatText(report);
    case 'json': return toJson(json) + '\n';
    case 'markdown': return formatMarkdown(report);
    case 'junit': return formatJunit(report);
    case 'github': return formatGithub(report);
    case 'sarif': return formatSarif(report);
  }
}
