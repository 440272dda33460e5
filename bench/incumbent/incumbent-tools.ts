import { spawnSync } from 'node:child_process';
import { issue, type Issue } from '../../harness/core/diagnostics/issue';

/** The package that provides abidiff on Debian and Ubuntu (libabigail's tools). */
export const ABIGAIL_APT_LINE = 'apt-get install -y abigail-tools';

/** The programs check-uapi.sh's pipeline needs, with the versions they reported. */
export interface IncumbentTools {
  readonly cc: string;
  readonly ccVersion: string;
  readonly abidiff: string;
  /** The version number alone (`2.2.0`), as check-uapi.sh reads it. */
  readonly abidiffVersion: string;
}

export interface IncumbentToolOptions {
  /** C compiler; default `$CC`, else `gcc` (as check-uapi.sh, without CROSS_COMPILE). */
  readonly cc?: string;
  /** abidiff binary; default `$ABIDIFF`, else `abidiff` (as check-uapi.sh). */
  readonly abidiff?: string;
}

/** First line of `<program> --version`, or why it could not be run. */
function versionOf(program: string): { version?: string; missing?: boolean; error?: string } {
  const r = spawnSync(program, ['--version'], { encoding: 'utf8' });
  if (r.error !== undefined) {
    const code = (r.error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? { missing: true } : { error: r.error.message };
  }
  if (r.status !== 0) return { error: `\`${program} --version\` exited with ${r.status ?? r.signal ?? '?'}` };
  return { version: (r.stdout.split('\n')[0] ?? '').trim() };
}

/**
 * Finds gcc and abidiff the way check-uapi.sh does (`$CC`, `$ABIDIFF`, else the names on PATH).
 * A missing program is an issue that says how to install it. The script also insists on
 * abidiff >= 2.4; this runner does not, because it calls plain abidiff without the script's
 * suppressions (which libabigail 2.2, Debian bookworm's, mis-handles or crashes on).
 */
export function findIncumbentTools(options: IncumbentToolOptions = {}, env: NodeJS.ProcessEnv = process.env): { tools?: IncumbentTools; issues: Issue[] } {
  const cc = options.cc ?? env['CC'] ?? 'gcc';
  const abidiff = options.abidiff ?? env['ABIDIFF'] ?? 'abidiff';
  const issues: Issue[] = [];
  const c = versionOf(cc);
  if (c.missing === true) issues.push(issue('INCUMBENT_MISSING', cc, `C compiler not found: check-uapi.sh compiles each header with gcc (\`apt-get install -y gcc\`, or set CC)`));
  else if (c.error !== undefined) issues.push(issue('INCUMBENT_BROKEN', cc, c.error));
  const a = versionOf(abidiff);
  if (a.missing === true) issues.push(issue('INCUMBENT_MISSING', abidiff, `abidiff not found: install libabigail's tools with \`${ABIGAIL_APT_LINE}\` (or set ABIDIFF)`));
  else if (a.error !== undefined) issues.push(issue('INCUMBENT_BROKEN', abidiff, a.error));
  if (c.version === undefined || a.version === undefined) return { issues };
  // `abidiff: 2.2.0`: the script takes the second word.
  const abidiffVersion = a.version.split(/\s+/)[1] ?? a.version;
  return { tools: { cc, ccVersion: c.version, abidiff, abidiffVersion }, issues };
}
