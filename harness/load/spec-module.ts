import * as path from 'node:path';
import { issue, type Issue } from '../diagnostics/issue';
import type { Spec } from '../spec/model';

// Spec files import the DSL as 'uapi-harness'. Wherever the file lives, that name must mean this very
// copy of the harness, so that builders and the loader agree (and no second copy is compiled).
const barrel = path.resolve(__dirname, '..', 'index.js');
let hooked = false;

function hookResolution(): void {
  if (hooked) return;
  hooked = true;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Module = require('node:module') as { _resolveFilename: (req: string, ...rest: unknown[]) => string };
  const original = Module._resolveFilename;
  Module._resolveFilename = function resolve(this: unknown, request: string, ...rest: unknown[]): string {
    if (request === 'uapi-harness') return barrel;
    return original.call(this, request, ...rest);
  };
  // Transpile only: type errors in a spec are the author's editor's business; what matters here is
  // the data, which validateSpec checks with locations. Source maps make call sites point at .ts lines.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('ts-node') as typeof import('ts-node')).register({
    transpileOnly: true,
    skipProject: true,
    compilerOptions: { module: 'commonjs', target: 'es2022', esModuleInterop: true, sourceMap: true },
  });
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
    return { issues: [issue('SPEC_LOAD', file, `cannot load spec module: ${(e as Error).message}`, { file, line: 1, col: 1 })] };
  }
  const spec = mod['spec'];
  if (!isSpec(spec)) {
    return { issues: [issue('SPEC_LOAD', file, 'the module must export `spec`, the result of defineSpec({...})', { file, line: 1, col: 1 })] };
  }
  return { spec: { ...spec, source: file }, issues: [] };
}
