import { formatIssue } from '../core/diagnostics/format';
import { UserError } from '../core/diagnostics/user-error';
import { listReleases, releaseErrors, type Release } from '../contract/release/releases';
import type { CommandContext } from './command';

/**
 * The verified releases of a uAPI, for a command that reads them: damage is a UserError (exit 2,
 * each problem at its file and line); what was cleaned up of an interrupted writer is printed.
 */
export function readReleasesOrFail(ctx: CommandContext, snapshotsRoot: string, uapi: string, o: { unsealed?: boolean } = {}): Release[] {
  const { releases, issues } = listReleases(snapshotsRoot, uapi, { cwd: ctx.io.cwd, ...o });
  // On errors, the clean-up notes go out with them: both are what the user must read.
  if (releaseErrors(issues).length > 0) throw new UserError(issues);
  for (const i of issues) ctx.io.err(`${formatIssue(i)}\n`);
  return releases;
}
