import { spawnSync } from 'node:child_process';
import { issue, type Issue } from '../../harness/core/diagnostics/issue';

/** The one-function C file check-uapi.sh compiles with the header force-included. */
export const STUB_SOURCE = 'int f(void) { return 0; }\n';

/**
 * gcc's arguments as check-uapi.sh's compile step passes them: a shared object with full debug
 * info of every type the header declares (`-fno-eliminate-unused-debug-types`), as C90, the header
 * pulled in with `-include` ahead of a stub read from stdin.
 */
export function checkUapiCompileArgs(header: string, output: string, includeDirs: readonly string[]): string[] {
  return [
    '-shared', '-nostdlib', '-fPIC', '-o', output, '-x', 'c', '-O0', '-std=c90',
    '-fno-eliminate-unused-debug-types', '-g', ...includeDirs.map((d) => `-I${d}`), '-include', header, '-',
  ];
}

const GCC_DIAGNOSTIC = /^(.+?):(\d+):(\d+): (?:fatal )?error: (.*)$/m;

/** gcc's first error as an issue at its `file:line:col`, or the whole output when it has none. */
function compileIssue(header: string, status: string, stderr: string): Issue {
  const m = GCC_DIAGNOSTIC.exec(stderr);
  if (m !== null) {
    return issue('INCUMBENT_COMPILE', header, `gcc (check-uapi.sh's compile step): ${m[4] as string}`, { file: m[1] as string, line: Number(m[2]), col: Number(m[3]) });
  }
  const text = stderr.trim() === '' ? `exited with ${status}` : stderr.trim().split('\n').slice(0, 5).join(' | ');
  return issue('INCUMBENT_COMPILE', header, `gcc (check-uapi.sh's compile step) failed: ${text}`);
}

/** Compiles one header into `output` as check-uapi.sh does; a failed compile is an issue. */
export function compileHeaderLikeCheckUapi(cc: string, header: string, output: string, includeDirs: readonly string[] = []): { ok: boolean; issues: Issue[] } {
  const r = spawnSync(cc, checkUapiCompileArgs(header, output, includeDirs), { input: STUB_SOURCE, encoding: 'utf8' });
  if (r.error !== undefined) return { ok: false, issues: [issue('INCUMBENT_COMPILE', header, `cannot run ${cc}: ${r.error.message}`)] };
  if (r.status !== 0) return { ok: false, issues: [compileIssue(header, String(r.status ?? r.signal), r.stderr)] };
  return { ok: true, issues: [] };
}
