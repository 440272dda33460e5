export type { Report, ReportItem, ReportLevel, ReportLocation, ReportCounts } from './report';
export { REPORT_LEVELS, countItems, countsLine, locationText, messageWithAbis } from './report';
export { formatText, formatItemText } from './text';
export { formatMarkdown } from './markdown';
export { formatJunit } from './junit';
export { formatGithub, formatItemGithub } from './github';
export { escapeXmlText, escapeXmlAttribute } from './xml-escape';
