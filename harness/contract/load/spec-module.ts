import * as path from 'node:path';
import { issue, type Issue } from '../../core/diagnostics/issue';
import { userFrame } from '../../core/model/dsl/call-site';
import { DslError } from '../../core/model/dsl/dsl-error';
import type { Spec } from '../../core/model/model';
import { registerTsLoader } from './ts-transpile';

// Spec files import the DSL as 'uapi-harness/dsl' (older ones as 'uapi-harness', the library barrel,
// which re-exports it). Wherever the file lives, those names must mean this very copy of the harness,
// so that builders and the loader agree (and no second copy is compiled). The DSL entry loads the
// builders and the model's types only: a spec never pulls in the gate, the emulator or the CLI.
const ENTRIES: Readonly<Record<string, string>> = {
  'uapi-harness/dsl': path.resolve(__dirname, '..', '..', 'core', 'model', 'dsl', 'index.js'),
  'uapi-harness': path.resolve(__dirname, '..', '..', 'index.js'),
};
let hooked = false;

function hookResolution(): void {
  if (hooked) return;
  hooked = true;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Module = require('node:module') as { _resolveFilename: (req: string, ...rest: unknown[]) => string };
  const original = Module._resolveFilename;
  Module._resolveFilename = function resolve(this: unknown, request: string, ...rest: unknown[]): string {
    const entry = ENTRIES[request];
    if (entry !== undefined) return entry;
    return original.call(this, request, ...rest);
  };
  registerTsLoader();
}

interface TsDiagnostic {
  readonly code: number;
  readonly start?: number;
  readonly messageText: string | { readonly messageText: string };
  readonly file?: { readonly fileName: string; getLineAndCharacterOfPosition(p: number): { line: number; character: number } };
}

/**
 * What went wrong loading a spec module, at the line it went wrong: a TypeScript syntax error at
 * its position (the loader's TsSyntaxError carries the compiler's diagnostics), a DSL builder given a wrong
 * value at the call that gave it, anything else thrown at the first frame in the user's files.
 */
function loadFailure(e: unknown, file: string): Issue[] {
  const top = { file: path.relative(process.cwd(), file) || file, line: 1, col: 1 };
  if (e instanceof DslError) return [issue('SPEC_DSL', e.subject, e.message, e.loc ?? userFrame(e.stack) ?? top)];
  const diagnostics = (e as { diagnostics?: readonly TsDiagnostic[] } | null)?.diagnostics;
  if (Array.isArray(diagnostics) && diagnostics.length > 0) {
    return diagnostics.map((d: TsDiagnostic) => {
      const text = typeof d.messageText === 'string' ? d.messageText : d.messageText.messageText;
      const p = d.file !== undefined && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
      const loc = d.file !== undefined && p !== undefined ? { file: path.relative(process.cwd(), d.file.fileName) || d.file.fileName, line: p.line + 1, col: p.character + 1 } : top;
      return issue('SPEC_SYNTAX', '', `TS${d.code}: ${text}`, loc);
    });
  }
  const err = e instanceof Error ? e : undefined;
  const message = err?.message ?? String(e);
  return [issue('SPEC_LOAD', '', `the spec module threw while loading: ${message}`, userFrame(err?.stack) ?? top)];
}

function isSpec(v: unknown): v is Spec {
  if (v === null || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return typeof o['name'] === 'string' && typeof o['version'] === 'string' && Array.isArray(o['records']) && Array.isArray(o['ioctls']);
}

/** Loads a spec module (`.ts` or `.js`) that exports `spec` (a `defineSpec(...)` result). */
export function loadSpecModule(file: string): { spec?: Spec; issues: Issue[] } {
  hookResolution();
  const abs = path.resolve(file);
  // A spec may be edited between two loads in one process (watch modes, tests): drop what the
  // module cache holds for the spec's folder so the files are read again.
  const folder = path.dirname(abs) + path.sep;
  for (const key of Object.keys(require.cache)) if (key.startsWith(folder)) delete require.cache[key];
  let mod: Record<string, unknown>;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require(abs) as Record<string, unknown>;
  } catch (e) {
    return { issues: loadFailure(e, file) };
  }
  const spec = mod['spec'];
  if (!isSpec(spec)) {
    const shown = path.relative(process.cwd(), file) || file;
    return { issues: [issue('SPEC_LOAD', shown, 'the module must export `spec`, the result of defineSpec({...})', { file: shown, line: 1, col: 1 })] };
  }
  return { spec: { ...spec, source: file }, issues: [] };
}
