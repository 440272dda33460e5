import type { SourceLoc } from '../model/model';
import type { Issue } from './issue';

export function formatLoc(loc: SourceLoc): string {
  return `${loc.file}:${loc.line}:${loc.col}`;
}

/**
 * `file:line:col: severity CODE: path: message`, the shape compilers print so that editors and CI
 * annotate the right line. Without a location the uAPI path leads instead.
 */
export function formatIssue(i: Issue): string {
  const where = i.loc !== undefined ? `${formatLoc(i.loc)}: ` : '';
  const subject = i.path !== '' ? `${i.path}: ` : '';
  return `${where}${i.severity} ${i.code}: ${subject}${i.message}`;
}
