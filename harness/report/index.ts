export type { Report, ReportItem, ReportLevel, ReportLocation, ReportCounts } from './report';
export { REPORT_LEVELS, countItems, countsLine, locationText, messageWithAbis } from './report';
export { formatText, formatItemText } from './text';
export { formatMarkdown, markdownItems, markdownText, markdownCode, markdownFence, MARKDOWN_ICON } from './markdown';
export type { MarkdownItemsOptions } from './markdown';
export { formatJunit, formatJunitSuites, itemsCase } from './junit';
export type { JunitCase, JunitSuite, JunitOutcome } from './junit';
export { formatGithub, formatItemGithub } from './github';
export { escapeXmlText, escapeXmlAttribute } from './xml-escape';
