import type { Issue } from './issue';

/**
 * Raised only at the outermost edge (CLI argument handling, unreadable input) to carry collected
 * issues to the command runner, which prints them and exits 2. Library code returns issues instead.
 */
export class UserError extends Error {
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[]) {
    super(issues.map((i) => i.message).join('; '));
    this.name = 'UserError';
    this.issues = issues;
  }
}
