import * as fs from 'node:fs';
import * as path from 'node:path';
import { readCached, sha256, writeCached } from '../../frontend/clang/content-cache';

/**
 * Loads `.ts` spec files with TypeScript's own transpiler, one file at a time and without type
 * checking (type errors are the author's editor's business; the data is checked by validateSpec with
 * locations). The JavaScript is kept in the content cache, keyed by the source text, its path and the
 * compiler's version and options, so a command on an unchanged spec does not even load the compiler:
 * loading TypeScript and transpiling the reference spec was about a second of every command's start.
 * Inline source maps, with Node's own source-map support switched on, make stack frames (and so the
 * DSL's call sites and the lines of errors thrown at load) point at the `.ts` lines.
 */

// What `tsc` would do for a CommonJS spec module; the names are TypeScript's, resolved when it loads.
const OPTIONS = { module: 'commonjs', target: 'es2022', esModuleInterop: true, inlineSourceMap: true } as const;
const NAMESPACE = 'spec-js';

interface Transpiled {
  readonly js: string;
}

let compilerVersion: string | undefined;

function typescriptVersion(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  compilerVersion ??= (require('typescript/package.json') as { version: string }).version;
  return compilerVersion;
}

/**
 * A TypeScript syntax error, shaped as the spec loader reads compiler diagnostics (code, position,
 * message, the file that maps a position to a line).
 */
export class TsSyntaxError extends Error {
  constructor(readonly diagnostics: readonly unknown[]) {
    super('TypeScript syntax error');
  }
}

function transpile(source: string, file: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require('typescript') as typeof import('typescript');
  const converted = ts.convertCompilerOptionsFromJson(OPTIONS, path.dirname(file));
  const out = ts.transpileModule(source, { compilerOptions: converted.options, fileName: file, reportDiagnostics: true });
  const errors = (out.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) throw new TsSyntaxError(errors);
  return out.outputText;
}

/** The JavaScript of a `.ts` file, from the cache when this exact text was transpiled before. */
export function transpiledSource(source: string, file: string): string {
  const key = sha256(JSON.stringify([typescriptVersion(), OPTIONS, file, sha256(source)]));
  const hit = readCached<Transpiled>(NAMESPACE, key);
  if (hit !== undefined && typeof hit.js === 'string') return hit.js;
  const js = transpile(source, file);
  writeCached(NAMESPACE, key, { js } satisfies Transpiled);
  return js;
}

let registered = false;

/** Makes `require` load `.ts` files through `transpiledSource` (once per process). */
export function registerTsLoader(): void {
  if (registered) return;
  registered = true;
  process.setSourceMapsEnabled(true);
  type CompilingModule = NodeJS.Module & { _compile(code: string, filename: string): void };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const extensions = (require('node:module') as { _extensions: Record<string, (m: CompilingModule, filename: string) => void> })._extensions;
  extensions['.ts'] = (m, filename) => {
    m._compile(transpiledSource(fs.readFileSync(filename, 'utf8'), filename), filename);
  };
}
