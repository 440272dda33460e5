import * as fs from 'node:fs';
import * as path from 'node:path';
import { issue, type Issue } from '../../core/diagnostics/issue';
import type { ClangTool } from './clang-tool';
import { NativeClang, runProgram } from './native-clang';
import { loadYowaspClang, WasmClang } from './wasm-clang';

/**
 * Which clang to use: `$UAPI_CLANG` names a binary (or is `wasm` to force the WebAssembly build,
 * or `native` to require a binary); otherwise `clang` on PATH; otherwise `@yowasp/clang`.
 */
export interface ClangChoice {
  readonly env?: NodeJS.ProcessEnv;
}

const found = new Map<string, Promise<{ tool?: ClangTool; issues: Issue[] }>>();

async function nativeVersion(program: string): Promise<string | undefined> {
  const r = await runProgram(program, ['--version'], '');
  if (r.exitCode !== 0) return undefined;
  const m = /clang version (\S+)/.exec(r.stdout);
  return m?.[1] ?? 'unknown version';
}

/** An executable file's real path, or undefined. */
function executable(file: string): string | undefined {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    const real = fs.realpathSync(file);
    return fs.statSync(real).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

/** Where a program name leads, as a shell finds it: a name with a slash as is, else through `PATH`. */
export function resolveProgram(program: string, env: NodeJS.ProcessEnv): string | undefined {
  if (program.includes('/')) return executable(path.resolve(program));
  for (const dir of (env['PATH'] ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const hit = executable(path.join(dir, program));
    if (hit !== undefined) return hit;
  }
  return undefined;
}

async function locate(setting: string | undefined, env: NodeJS.ProcessEnv): Promise<{ tool?: ClangTool; issues: Issue[] }> {
  const explicit = setting !== undefined && setting !== '' && setting !== 'wasm' && setting !== 'native';
  if (setting !== 'wasm') {
    const program = explicit ? setting : 'clang';
    const real = resolveProgram(program, env);
    // A binary the user named is run once to be sure it is clang; `clang` on PATH is taken on its
    // name: starting it costs as much as a small import, and a broken one says so on its first probe.
    const version = real !== undefined && explicit ? await nativeVersion(program) : undefined;
    if (real !== undefined && (!explicit || version !== undefined)) return { tool: new NativeClang(program, real, version), issues: [] };
    if (explicit) return { issues: [issue('CLANG_MISSING', 'UAPI_CLANG', `UAPI_CLANG names ${program}, which does not run as clang`)] };
    if (setting === 'native') return { issues: [issue('CLANG_MISSING', 'UAPI_CLANG', 'UAPI_CLANG=native but no clang on PATH; install clang (apt-get install clang)')] };
  }
  const mod = await loadYowaspClang();
  if (mod !== undefined) return { tool: new WasmClang(mod), issues: [] };
  return {
    issues: [issue('CLANG_MISSING', 'clang', 'no clang found: install clang (apt-get install clang), set UAPI_CLANG, or run npm install so that @yowasp/clang is present')],
  };
}

/** The clang to run, found once per setting of `UAPI_CLANG`; a missing clang is an issue (exit 2). */
export function findClang(choice: ClangChoice = {}): Promise<{ tool?: ClangTool; issues: Issue[] }> {
  const env = choice.env ?? process.env;
  const setting = env['UAPI_CLANG'];
  const key = setting ?? '';
  let p = found.get(key);
  if (p === undefined) {
    p = locate(setting, env);
    found.set(key, p);
  }
  return p;
}
