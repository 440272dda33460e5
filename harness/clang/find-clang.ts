import { issue, type Issue } from '../diagnostics/issue';
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

async function locate(setting: string | undefined): Promise<{ tool?: ClangTool; issues: Issue[] }> {
  const explicit = setting !== undefined && setting !== '' && setting !== 'wasm' && setting !== 'native';
  if (setting !== 'wasm') {
    const program = explicit ? setting : 'clang';
    const version = await nativeVersion(program);
    if (version !== undefined) return { tool: new NativeClang(program, version), issues: [] };
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
  const setting = (choice.env ?? process.env)['UAPI_CLANG'];
  const key = setting ?? '';
  let p = found.get(key);
  if (p === undefined) {
    p = locate(setting);
    found.set(key, p);
  }
  return p;
}
