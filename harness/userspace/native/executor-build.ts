import * as fs from 'node:fs';
import * as path from 'node:path';
import { issue, type Issue } from '../../core/diagnostics';
import { buildC, cCompileCount, findCCompiler } from '../../frontend/cbuild';
import { cacheRoot } from '../../frontend/clang/content-cache';

/**
 * The native executor as a program on this machine: `executor.c` compiled on first use with the
 * system's C compiler (the harness's one C build, `frontend/cbuild`) and kept in the harness cache
 * under a hash of everything the binary depends on, so every later process of every later run starts
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

const FLAGS = ['-O2', '-std=gnu11'] as const;

/** How many times this process has run the C compiler (tests count cache reuse). */
export const executorCompileCount = cCompileCount;

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
  const found = findCCompiler(env, options.compiler);
  if (found.compiler === undefined) {
    return fail('NATIVE_NO_COMPILER', `${found.issues.map((i) => i.message).join('; ')}: the native backend compiles its executor on first use`);
  }
  const flags = abi === 'i386' && process.arch === 'x64' ? [...FLAGS, '-m32'] : [...FLAGS];
  const built = buildC(found.compiler, {
    sources: { 'executor.c': source }, compile: ['executor.c'], flags, output: 'executor', env,
    cacheDir: options.cacheDir ?? path.join(cacheRoot(env), 'native-executor'),
  });
  if (built.file !== undefined) return { ok: true, path: built.file };
  const hint = abi === 'i386' ? ' (an i386 executor needs the compiler\'s 32-bit support: Debian packages gcc-multilib, or libc6-dev-i386 for clang)' : '';
  return fail('NATIVE_COMPILE_FAILED', `${found.compiler.program} could not compile the executor${hint}: ${built.issues.map((i) => i.message).join('; ')}`);
}

function fail(code: string, message: string): BuiltExecutor {
  return { ok: false, issues: [issue(code, 'native executor', message)] };
}
