import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { issue, type Issue } from '../../core/diagnostics';
import { cacheEnabled, cacheRoot, fileDigest, sha256 } from '../../frontend/clang/content-cache';

/**
 * The native executor as a program on this machine: `executor.c` compiled on first use with the
 * system's C compiler and kept in the harness cache under a hash of everything the binary depends on
 * (the source, the compiler's own bytes, the flags), so every later process of every later run starts
 * the same file without compiling.
 */

/** Which executor: the host's own ABI, or i386 on an x86_64 host (`-m32`, needs gcc-multilib). */
export type ExecutorAbi = 'host' | 'i386';

export interface ExecutorBuildOptions {
  /** The C compiler (a name on PATH or a path). Default: `$CC`, else the first of cc, gcc, clang on PATH. */
  readonly compiler?: string;
  /** Where compiled executors are kept. Default: `<harness cache>/native-executor`. */
  readonly cacheDir?: string;
  readonly abi?: ExecutorAbi;
  /** Environment to read `CC` and `PATH` from (default: this process's). */
  readonly env?: NodeJS.ProcessEnv;
}

export type BuiltExecutor = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly issues: readonly Issue[] };

/** The executor's C source, shipped beside the compiled harness (package.json `files`). */
export const EXECUTOR_SOURCE = path.resolve(__dirname, '..', '..', '..', '..', 'harness', 'userspace', 'native', 'executor.c');

const CANDIDATES = ['cc', 'gcc', 'clang'] as const;
const FLAGS = ['-O2', '-std=gnu11'] as const;

let compiles = 0;
/** How many times this process has run the C compiler for an executor (tests count cache reuse). */
export function executorCompileCount(): number {
  return compiles;
}

const uncached = new Map<string, string>();

/** The executor binary for these options: from the cache, or compiled now. Never throws. */
export function buildExecutor(options: ExecutorBuildOptions = {}): BuiltExecutor {
  const env = options.env ?? process.env;
  const abi = options.abi ?? 'host';
  if (abi === 'i386' && process.arch !== 'x64' && process.arch !== 'ia32') {
    return fail('NATIVE_ABI_UNAVAILABLE', `an i386 executor needs an x86 host; this one is ${process.arch}`);
  }
  let source: Buffer;
  try {
    source = fs.readFileSync(EXECUTOR_SOURCE);
  } catch {
    return fail('NATIVE_EXECUTOR_SOURCE', `${EXECUTOR_SOURCE}: the executor's C source is missing from this installation`);
  }
  const compiler = findCompiler(options.compiler ?? nonEmpty(env['CC']), env);
  if (compiler === undefined) {
    const tried = options.compiler ?? nonEmpty(env['CC']) ?? CANDIDATES.join(', ');
    return fail('NATIVE_NO_COMPILER', `no C compiler: the native backend compiles its executor on first use and found none of ${tried} on PATH (install gcc or clang, or set CC)`);
  }
  const flags = abi === 'i386' && process.arch === 'x64' ? [...FLAGS, '-m32'] : [...FLAGS];
  const key = sha256([sha256(source), compiler.real, fileDigest(compiler.real), flags.join(' '), process.arch].join('\0'));
  const known = uncached.get(key);
  if (known !== undefined && fs.existsSync(known)) return { ok: true, path: known };
  const dir = cacheEnabled(env) ? path.join(options.cacheDir ?? path.join(cacheRoot(env), 'native-executor'), key.slice(0, 2), key.slice(2)) : undefined;
  const target = dir !== undefined ? path.join(dir, 'executor') : undefined;
  if (target !== undefined && isExecutable(target)) return { ok: true, path: target };
  return compile(compiler.path, flags, abi, key, dir);
}

function compile(compiler: string, flags: readonly string[], abi: ExecutorAbi, key: string, dir: string | undefined): BuiltExecutor {
  let outDir: string;
  try {
    outDir = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-executor-'));
    fs.mkdirSync(outDir, { recursive: true });
  } catch (e) {
    return fail('NATIVE_EXECUTOR_CACHE', `cannot create a folder for the executor: ${(e as Error).message}`);
  }
  // Compiled to a private name and renamed into place: a concurrent run sees the whole file or none.
  const tmp = path.join(outDir, `executor.${process.pid}.${Math.random().toString(36).slice(2)}`);
  compiles += 1;
  const r = spawnSync(compiler, [...flags, '-o', tmp, EXECUTOR_SOURCE], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.error !== undefined || r.status !== 0) {
    fs.rmSync(tmp, { force: true });
    const why = r.error?.message ?? firstLines(r.stderr, 6);
    const hint = abi === 'i386' ? ' (an i386 executor needs the compiler\'s 32-bit support: Debian packages gcc-multilib, or libc6-dev-i386 for clang)' : '';
    return fail('NATIVE_COMPILE_FAILED', `${compiler} could not compile the executor${hint}: ${why}`);
  }
  const target = path.join(outDir, 'executor');
  try {
    fs.chmodSync(tmp, 0o755);
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    return fail('NATIVE_EXECUTOR_CACHE', `cannot store the compiled executor in ${outDir}: ${(e as Error).message}`);
  }
  if (dir === undefined) uncached.set(key, target);
  return { ok: true, path: target };
}

/**
 * The compiler as found on PATH (run by that name: a ccache link dispatches on it) and its real path
 * (symlinks resolved: `cc` and `gcc` naming one binary share a cache key).
 */
function findCompiler(wanted: string | undefined, env: NodeJS.ProcessEnv): { path: string; real: string } | undefined {
  const names = wanted !== undefined ? [wanted] : CANDIDATES;
  const dirs = (env['PATH'] ?? '').split(path.delimiter).filter((d) => d !== '');
  for (const name of names) {
    const candidates = name.includes('/') ? [path.resolve(name)] : dirs.map((d) => path.join(d, name));
    for (const c of candidates) {
      if (!isExecutable(c)) continue;
      try {
        return { path: c, real: fs.realpathSync(c) };
      } catch {
        continue;
      }
    }
  }
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

const nonEmpty = (s: string | undefined): string | undefined => (s === undefined || s.trim() === '' ? undefined : s.trim());

function firstLines(text: string, n: number): string {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  return lines.slice(0, n).join(' | ') + (lines.length > n ? ` | ... (${lines.length - n} more lines)` : '');
}

function fail(code: string, message: string): BuiltExecutor {
  return { ok: false, issues: [issue(code, 'native executor', message)] };
}
