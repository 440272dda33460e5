import * as fs from 'node:fs';
import * as path from 'node:path';
import { fillLocations, parseJsonDocuments } from '../clang/ast-json';
import { harnessCodeDigest, readCached, sha256, writeCached } from '../clang/content-cache';
import { diagnosticIssue } from '../clang/diagnostics';
import { findClang } from '../clang/find-clang';
import { isProbeDiagnostic, prepareProbe, runProbe } from '../clang/probe-compile';
import { issue, type Issue } from '../diagnostics/issue';
import { findAbi, type Abi } from '../layout/abi';
import type { Spec } from '../spec/model';
import { importProbe } from './import-probe';
import { macroCandidates } from './macro-candidates';
import { specFromAst } from './spec-from-ast';

export interface ImportOptions {
  /** `-I` folders, searched before the system ones. */
  readonly includeDirs: readonly string[];
  /** Spec name; default: the file name without `.h`. */
  readonly name?: string;
  /** Spec version; default `0.0.0`. */
  readonly version?: string;
  /** How to name the header in messages (the user's argument, e.g. `REF:path`). */
  readonly displayName?: string;
}


/** The file name without `.h`, as an identifier: `habanalabs_accel.h` → `habanalabs_accel`. */
export function specNameOf(file: string): string {
  const base = path.basename(file).replace(/\.h$/, '').replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z_]/.test(base) ? base : `_${base}`;
}

/**
 * Imports a uAPI header through clang: its structs, unions, enums, integer constants and ioctls
 * become a spec (see spec-from-ast.ts). Headers that do not compile give clang's errors as issues.
 * The result is cached by a hash of the header, every file it may include and the options.
 */
export async function importHeader(file: string, options: ImportOptions): Promise<{ spec?: Spec; issues: Issue[] }> {
  const display = options.displayName ?? file;
  const header = path.resolve(file);
  let text: string;
  try {
    text = fs.readFileSync(header, 'utf8');
  } catch (e) {
    return { issues: [issue('INPUT_UNREADABLE', display, `cannot read the header: ${(e as Error).message}`)] };
  }
  const candidates = macroCandidates(text, display);
  const abi = findAbi('x86_64') as Abi;
  const prepared = prepareProbe({ abi, body: importProbe(header, candidates), includeDirs: options.includeDirs, args: ['-Xclang', '-ast-dump=json'] });
  const name = options.name ?? specNameOf(file);
  const version = options.version ?? '0.0.0';
  const key = sha256(JSON.stringify({ code: harnessCodeDigest(), digest: prepared.digest, header, display, name, version }));
  const cached = readCached<{ spec: Spec; issues: Issue[] }>('import', key);
  if (cached !== undefined) return cached;

  const found = await findClang();
  if (found.tool === undefined) return { issues: found.issues };
  const { run, diagnostics } = await runProbe(found.tool, prepared);
  const shown = (d: (typeof diagnostics)[number]): typeof d =>
    d.loc?.file === header ? { ...d, loc: { ...d.loc, file: display } } : d;
  // Errors in the header itself (or in what it includes) mean it does not compile. Errors on the
  // probe's own lines only say that some macro is not a constant, which the import reports itself.
  const headerErrors = diagnostics.filter((d) => d.severity === 'error' && (!isProbeDiagnostic(d) || d.loc?.line === 1));
  if (headerErrors.length > 0) {
    return { issues: headerErrors.map((d) => diagnosticIssue(shown(d), display)) };
  }
  const root = parseJsonDocuments(run.stdout)[0];
  if (root === undefined) {
    return { issues: [issue('CLANG_OUTPUT', display, `clang gave no AST (exit ${run.exitCode}): ${run.stderr.trim().slice(0, 500)}`)] };
  }
  fillLocations(root);
  const result = specFromAst(root, { header, display, candidates, probeDiagnostics: diagnostics, name, version });
  writeCached('import', key, result);
  return result;
}
