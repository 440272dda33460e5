export type { Issue, Severity } from './issue';
export { issue, hasErrors } from './issue';
export { formatIssue, formatLoc } from './format';
export { UserError } from './user-error';
