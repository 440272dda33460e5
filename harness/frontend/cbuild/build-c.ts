import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { issue, type Issue } from '../../core/diagnostics/issue';
import { cacheEnabled, cacheRoot, sha256 } from '../clang/content-cache';
import type { CCompiler } from './c-compiler';

/** What to build: sources by file name (written into one folder), the compiler's arguments, the output name. */
export interface CBuildRequest {
  readonly sources: Readonly<Record<string, string | Uint8Array>>;
  /** Compiled in this order after the flags (the other sources are headers). */
  readonly compile: readonly string[];
  readonly flags: readonly string[];
  readonly output: string;
  /** Libraries, after the sources (`-ldl`). */
  readonly libs?: readonly string[];
  /** Where built files are kept. Default: `<harness cache>/c-build`. */
  readonly cacheDir?: string;
  /** Environment that decides the cache (`UAPI_HARNESS_CACHE`, `UAPI_HARNESS_CACHE_DIR`); default: this process's. */
  readonly env?: NodeJS.ProcessEnv;
}

let compiles = 0;
/** How many times this process has run the C compiler (tests count cache reuse). */
export function cCompileCount(): number {
  return compiles;
}

/** Builds made without the cache (UAPI_HARNESS_CACHE=off), kept for the life of this process. */
const uncached = new Map<string, string>();

/**
 * Builds with the system compiler on first use and keeps the result in the harness cache under a hash
 * of the compiler (its real file and bytes), the flags, the architecture and every source byte, so
 * later runs reuse it. The output is compiled to a private name, made executable and renamed into
 * place: a concurrent run sees the whole file or none. Without the cache it builds into a temporary
 * folder once per process. A failed build is an issue (CC_FAILED) with the compiler's first lines.
 * Never throws.
 */
export function buildC(compiler: CCompiler, request: CBuildRequest): { file?: string; issues: Issue[] } {
  const env = request.env ?? process.env;
  const sources = Object.entries(request.sources).sort(([a], [b]) => a.localeCompare(b)).map(([n, text]) => [n, sha256(text)]);
  const key = sha256(JSON.stringify([compiler.identity, request.flags, request.libs ?? [], request.compile, request.output, process.arch, sources]));
  const known = uncached.get(key);
  if (known !== undefined && fs.existsSync(known)) return { file: known, issues: [] };
  const cached = cacheEnabled(env);
  let work: string | undefined;
  try {
    const dir = cached ? path.join(request.cacheDir ?? path.join(cacheRoot(env), 'c-build'), key.slice(0, 2), key.slice(2)) : fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-c-build-'));
    const file = path.join(dir, request.output);
    if (fs.existsSync(file)) return { file, issues: [] };
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-c-src-'));
    for (const [name, text] of Object.entries(request.sources)) fs.writeFileSync(path.join(work, name), text);
    fs.mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    compiles += 1;
    const r = spawnSync(compiler.program, [...request.flags, '-o', tmp, ...request.compile.map((s) => path.join(work as string, s)), ...(request.libs ?? [])], { encoding: 'utf8', cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
    if (r.error !== undefined || r.status !== 0) {
      fs.rmSync(tmp, { force: true });
      const said = `${r.stderr ?? ''}${r.error !== undefined ? r.error.message : ''}`.split('\n').filter((l) => l.trim() !== '').slice(0, 6).join('\n');
      return { issues: [issue('CC_FAILED', request.output, `${path.basename(compiler.program)} ${request.flags.join(' ')} failed:\n${said}`)] };
    }
    fs.chmodSync(tmp, 0o755);
    fs.renameSync(tmp, file);
    if (!cached) uncached.set(key, file);
    return { file, issues: [] };
  } catch (e) {
    return { issues: [issue('CC_CACHE', request.output, `cannot store the build of ${request.output}: ${(e as Error).message}`)] };
  } finally {
    if (work !== undefined) fs.rmSync(work, { recursive: true, force: true });
  }
}
