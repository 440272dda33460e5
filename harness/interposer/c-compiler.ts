import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { issue, type Issue } from '../core/diagnostics/issue';
import { cacheEnabled, cacheRoot, sha256 } from '../frontend/clang/content-cache';
import { resolveProgram } from '../frontend/clang/find-clang';

/** The system C compiler: `$UAPI_CC`, else the first of cc, gcc, clang on PATH. */
export interface CCompiler {
  readonly program: string;
  /** Its real path and identity (size and mtime), part of every cache key. */
  readonly identity: string;
}

export function findCCompiler(env: NodeJS.ProcessEnv = process.env): { compiler?: CCompiler; issues: Issue[] } {
  const named = env['UAPI_CC'];
  const candidates = named !== undefined && named !== '' ? [named] : ['cc', 'gcc', 'clang'];
  for (const c of candidates) {
    const real = resolveProgram(c, env);
    if (real === undefined) continue;
    const st = fs.statSync(real);
    return { compiler: { program: real, identity: `${real}\0${st.size}\0${st.mtimeMs}` }, issues: [] };
  }
  const message = named !== undefined && named !== ''
    ? `UAPI_CC names ${named}, which is not an executable`
    : 'no C compiler (cc, gcc or clang) on PATH: install one (apt-get install gcc) or name it with UAPI_CC';
  return { issues: [issue('CC_MISSING', 'cc', message)] };
}

/** What to build: sources by file name (written into one folder), the compiler's arguments, the output name. */
export interface CBuildRequest {
  readonly sources: Readonly<Record<string, string>>;
  /** Compiled in this order after the flags (the other sources are headers). */
  readonly compile: readonly string[];
  readonly flags: readonly string[];
  readonly output: string;
  /** Libraries, after the sources (`-ldl`). */
  readonly libs?: readonly string[];
}

/**
 * Builds with the system compiler on first use and keeps the result in the harness cache under a hash
 * of the compiler, the flags and every source byte (`node_modules/.cache/uapi-harness/c-build/`), so
 * later runs reuse it. The output is written under a temporary name and renamed: a concurrent run
 * sees the whole file or none. Without the cache (UAPI_HARNESS_CACHE=off) it builds into a
 * temporary folder every time. A failed build is an issue with the compiler's first lines.
 */
export function buildC(compiler: CCompiler, request: CBuildRequest): { file?: string; issues: Issue[] } {
  const key = sha256(JSON.stringify([compiler.identity, request.flags, request.libs ?? [], request.compile, request.output, Object.entries(request.sources).sort()]));
  const dir = cacheEnabled() ? path.join(cacheRoot(), 'c-build', key.slice(0, 2), key.slice(2)) : fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-c-build-'));
  const file = path.join(dir, request.output);
  if (fs.existsSync(file)) return { file, issues: [] };
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-c-src-'));
  try {
    for (const [name, text] of Object.entries(request.sources)) fs.writeFileSync(path.join(work, name), text);
    fs.mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    const r = spawnSync(compiler.program, [...request.flags, '-o', tmp, ...request.compile.map((s) => path.join(work, s)), ...(request.libs ?? [])], { encoding: 'utf8', cwd: work });
    if (r.status !== 0) {
      fs.rmSync(tmp, { force: true });
      const said = `${r.stderr ?? ''}${r.error !== undefined ? r.error.message : ''}`.split('\n').filter((l) => l.trim() !== '').slice(0, 6).join('\n');
      return { issues: [issue('CC_FAILED', request.output, `${path.basename(compiler.program)} ${request.flags.join(' ')} failed:\n${said}`)] };
    }
    fs.renameSync(tmp, file);
    return { file, issues: [] };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
