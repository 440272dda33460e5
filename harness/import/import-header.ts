import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AstNode } from '../clang/ast-json';
import { harnessCodeDigest, readCached, sha256, writeCached } from '../clang/content-cache';
import { diagnosticIssue } from '../clang/diagnostics';
import { FileMemo } from '../clang/file-memo';
import { MENTIONS_KERNEL_INTERNAL_MACRO } from '../clang/kernel-internal-macros';
import { BATCH_SIZE } from '../clang/native-batch';
import { findClang } from '../clang/find-clang';
import type { ClangDiagnostic } from '../clang/diagnostics';
import type { ClangTool } from '../clang/clang-tool';
import { isProbeDiagnostic, prepareProbe, runProbe, type PreparedProbe, type ProbeResult } from '../clang/probe-compile';
import { issue, type Issue } from '../diagnostics/issue';
import { findAbi, type Abi } from '../layout/abi';
import type { Spec } from '../spec/model';
import { importProbe } from './import-probe';
import { macroCandidates, type MacroCandidate } from './macro-candidates';
import { readProbeAst } from './read-probe-ast';
import { headerErrorsOf, importInPasses, type PassOutcome } from './import-passes';
import { specFromAst, type ProbeReadings } from './spec-from-ast';

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

type ImportResult = { spec?: Spec; issues: Issue[] };

/** A header read and its probe prepared: either already answered (unreadable, cached) or waiting for clang. */
type PreparedImport =
  | { readonly done: ImportResult }
  | { readonly done?: undefined; readonly header: string; readonly display: string; readonly text: string; readonly candidates: readonly MacroCandidate[];
      readonly prepared: PreparedProbe; readonly key: string; readonly name: string; readonly version: string };
type PendingImport = Exclude<PreparedImport, { done: ImportResult }>;

function prepareImport(file: string, options: ImportOptions, tool: ClangTool, memo?: FileMemo): PreparedImport {
  const display = options.displayName ?? file;
  const header = path.resolve(file);
  let text: string;
  try {
    text = fs.readFileSync(header, 'utf8');
  } catch (e) {
    return { done: { issues: [issue('INPUT_UNREADABLE', display, `cannot read the header: ${(e as Error).message}`)] } };
  }
  const candidates = macroCandidates(text, display);
  const abi = findAbi('x86_64') as Abi;
  const prepared = prepareProbe({
    abi, body: importProbe(header, candidates), includeDirs: options.includeDirs, args: ['-Xclang', '-ast-dump=json'], resourceIncludeDir: tool.resourceIncludeDir,
  }, memo);
  const name = options.name ?? specNameOf(file);
  const version = options.version ?? '0.0.0';
  const key = sha256(JSON.stringify({ code: harnessCodeDigest(), clang: tool.identity, digest: prepared.digest, header, display, name, version }));
  const cached = readCached<ImportResult>('import', key);
  if (cached !== undefined) return { done: cached };
  return { header, display, text, candidates, prepared, key, name, version };
}

function finishImport(p: PendingImport, { run, diagnostics }: ProbeResult): ImportResult {
  const { header, display } = p;
  const shown = (d: (typeof diagnostics)[number]): typeof d =>
    d.loc?.file === header ? { ...d, loc: { ...d.loc, file: display } } : d;
  // Errors in the header itself (or in what it includes) mean it does not compile. Errors on the
  // probe's own lines only say that some macro is not a constant, which the import reports itself.
  const headerErrors = diagnostics.filter((d) => d.severity === 'error' && (!isProbeDiagnostic(d) || d.loc?.line === 1));
  if (headerErrors.length > 0) {
    return { issues: headerErrors.map((d) => diagnosticIssue(shown(d), display)) };
  }
  const root = readProbeAst(run);
  if (root === undefined) {
    return { issues: [issue('CLANG_OUTPUT', display, `clang gave no AST (exit ${run.exitCode}): ${run.stderr.trim().slice(0, 500)}`)] };
  }
  return finishSpec(p, root, diagnostics);
}

function finishSpec(p: PendingImport, root: AstNode, diagnostics: readonly ClangDiagnostic[], readings?: ProbeReadings): ImportResult {
  const result = specFromAst(root, {
    header: p.header, display: p.display, candidates: p.candidates, probeDiagnostics: diagnostics, name: p.name, version: p.version,
    ...(readings !== undefined ? { readings } : {}),
  });
  writeCached('import', p.key, result);
  return result;
}

/**
 * Imports a uAPI header through clang: its structs, unions, enums, integer constants and ioctls
 * become a spec (see spec-from-ast.ts). Headers that do not compile give clang's errors as issues.
 * The result is cached by a hash of the header, every file it may include, the options and the
 * clang build (found without starting clang, so that a cached import starts no process).
 */
export async function importHeader(file: string, options: ImportOptions): Promise<ImportResult> {
  const found = await findClang();
  if (found.tool === undefined) return { issues: found.issues };
  const p = prepareImport(file, options, found.tool);
  if (p.done !== undefined) return p.done;
  return finishImport(p, await runProbe(found.tool, p.prepared));
}

/** Headers imported together in {@link importHeaders}: one clang process's worth of probes per pass. */
const PASS_SLICE = BATCH_SIZE;

/** One header of {@link importHeaders}. */
export interface HeaderImport {
  readonly file: string;
  readonly options: ImportOptions;
}

/**
 * Imports many headers; each result is exactly what {@link importHeader} gives for it, in order. The
 * headers that need clang are compiled together where the clang in use can share processes between
 * them (native clang: one `clang -cc1` for many probes with the same folders), in two passes that
 * make clang print about half as much (see import-passes.ts); on a whole header tree this takes a
 * fraction of the time of one clang run per header. Other clangs run the one-pass probe per header.
 */
export async function importHeaders(headers: readonly HeaderImport[]): Promise<ImportResult[]> {
  const found = await findClang();
  const tool = found.tool;
  if (tool === undefined) return headers.map(() => ({ issues: found.issues }));
  const memo = new FileMemo();
  const prepared = headers.map((h) => prepareImport(h.file, h.options, tool, memo));
  const pending = prepared.flatMap((p) => (p.done === undefined ? [p] : []));
  if (pending.length === 0) return prepared.map((p) => p.done as ImportResult);
  const finished = new Map<PreparedImport, ImportResult>();
  // Probes with the same include folders can share a clang process; keep each group in input order.
  const groups = new Map<string, PendingImport[]>();
  for (const p of pending) {
    const k = JSON.stringify(p.prepared.searchDirs);
    groups.set(k, [...(groups.get(k) ?? []), p]);
  }
  for (const group of groups.values()) {
    if (tool.runMany === undefined) {
      for (const p of group) finished.set(p, finishImport(p, await runProbe(tool, p.prepared)));
      continue;
    }
    // A slice at a time: clang's output and the ASTs of a slice are held until its second pass is done.
    for (let start = 0; start < group.length; start += PASS_SLICE) {
      const slice = group.slice(start, start + PASS_SLICE);
      const outcomes = await importInPasses(tool, slice.map((p) => ({
        header: p.header, candidates: p.candidates, text: p.text, base: p.prepared,
        fallbacksMatter: p.prepared.hostFiles.some((f) => memo.matches(f, 'kernel-internal', MENTIONS_KERNEL_INTERNAL_MACRO)),
      })));
      for (const [i, p] of slice.entries()) {
        const o = outcomes[i] as PassOutcome;
        if (o.kind === 'read') finished.set(p, finishSpec(p, o.root, o.diagnostics, o.readings));
        // A header that does not compile is reported from its own probe, as the one-pass import does.
        else finished.set(p, headerErrorsOf(o.probe.diagnostics).length > 0 ? finishImport(p, o.probe) : finishImport(p, await runProbe(tool, p.prepared)));
      }
    }
  }
  return prepared.map((p) => p.done ?? (finished.get(p) as ImportResult));
}
