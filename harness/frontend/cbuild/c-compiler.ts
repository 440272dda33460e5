import * as fs from 'node:fs';
import { issue, type Issue } from '../../core/diagnostics/issue';
import { fileDigest } from '../clang/content-cache';
import { resolveProgram } from '../clang/find-clang';

/** The system C compiler: `$CC` (the usual convention), else the first of cc, gcc, clang on PATH. */
export interface CCompiler {
  /** How it is run: as found on PATH, by that name (a ccache link dispatches on it). */
  readonly program: string;
  /** Its real file (symlinks resolved: `cc` and `gcc` naming one binary are one compiler). */
  readonly real: string;
  /** The real file and a digest of its bytes: part of every cache key, so an upgraded compiler rebuilds. */
  readonly identity: string;
}

const CANDIDATES = ['cc', 'gcc', 'clang'] as const;

/** The compiler `wanted` names (a name on PATH or a path), else `$CC`, else the first candidate on PATH. */
export function findCCompiler(env: NodeJS.ProcessEnv = process.env, wanted?: string): { compiler?: CCompiler; issues: Issue[] } {
  const named = nonEmpty(wanted) ?? nonEmpty(env['CC']);
  const names = named !== undefined ? [named] : CANDIDATES;
  for (const name of names) {
    const program = resolveProgram(name, env);
    if (program === undefined) continue;
    try {
      const real = fs.realpathSync(program);
      return { compiler: { program, real, identity: `${real}\0${fileDigest(real)}` }, issues: [] };
    } catch {
      continue;
    }
  }
  const tried = named ?? CANDIDATES.join(', ');
  return { issues: [issue('CC_MISSING', 'cc', `no C compiler: found none of ${tried} on PATH (install one: apt-get install gcc; or name it with CC)`)] };
}

const nonEmpty = (s: string | undefined): string | undefined => (s === undefined || s.trim() === '' ? undefined : s.trim());
