import { missingIncludeHint } from './missing-include-hint';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AstNode } from '../clang/ast-json';
import type { ClangTool } from '../clang/clang-tool';
import { harnessCodeDigest, readCached, sha256, writeCached } from '../clang/content-cache';
import { diagnosticIssue, type ClangDiagnostic } from '../clang/diagnostics';
import type { FileMemo } from '../clang/file-memo';
import { isProbeDiagnostic, prepareProbe, type PreparedProbe, type ProbeResult } from '../clang/probe-compile';
import { multiarchSiblings } from '../clang/target-includes';
import { issue, type Issue } from '../../core/diagnostics/issue';
import { findAbi, type Abi } from '../../core/layout/abi';
import type { Spec } from '../../core/model/model';
import { importProbe } from './import-probe';
import { macroCandidates, type MacroCandidate } from './macro-candidates';
import { readProbeAst } from './read-probe-ast';
import { specFromAst, type ProbeReadings } from './spec-from-ast';
import { scanTargetDependence, type TargetHint } from './target-scan';
import { abiClasses, preprocessProbes, type PreprocessPlan, type SpecVariant } from './target-variants';
import type { ValueHint } from './value-dependence';
import { headerFacts } from './header-facts-of';
import type { HeaderFacts } from './header-facts';

export interface ImportOptions {
  /** `-I` folders, searched before the system ones. */
  readonly includeDirs: readonly string[];
  /** Spec name; default: the file name without `.h`. */
  readonly name?: string;
  /** Spec version; default `0.0.0`. */
  readonly version?: string;
  /** How to name the header in messages (the user's argument, e.g. `REF:path`). */
  readonly displayName?: string;
  /**
   * Candidate macros per clang probe (default {@link MACROS_PER_PROBE}): a header with more is
   * imported in chunks (import-chunks.ts), with the same result. Tests set it low to force chunks.
   */
  readonly macrosPerProbe?: number;
}

/**
 * Candidate macros one probe asks clang about. clang prints 10 to 200 KB of AST per candidate (an
 * ioctl's value, expanded through `_IOWR`, is the most), so a 10 MB header of `#define`s (250,000 of
 * them) would print gigabytes, more than a JavaScript string holds; past this many, chunks of this
 * many are probes of their own. Above the largest real uAPI header (linux/pci_regs.h: 1,113), so
 * those keep their one probe (and its cache key).
 */
export const MACROS_PER_PROBE = 2048;

/** The file name without `.h`, as an identifier: `habanalabs_accel.h` → `habanalabs_accel`. */
export function specNameOf(file: string): string {
  const base = path.basename(file).replace(/\.h$/, '').replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z_]/.test(base) ? base : `_${base}`;
}

/**
 * An imported header. `spec` is what it declares on x86_64. A header whose preprocessed content
 * differs between targets (see target-scan.ts and target-variants.ts) also has `variants`: one spec
 * per group of ABIs that preprocess it alike, covering every ABI (x86_64's group holds `spec`).
 */
export type ImportResult = { spec?: Spec; issues: Issue[]; variants?: readonly SpecVariant[]; valueHint?: ValueHint; facts?: HeaderFacts };

/** The cache key of the whole result (variants included) of a header whose only target dependence is in its values. */
export const valueTargetsKey = (key: string): string => sha256(JSON.stringify({ key, values: true }));

/** The per-target work of a target-dependent header: its hint, a preprocessing probe per class of ABIs, the cache key of the whole result. */
export interface TargetPlan {
  readonly hint: TargetHint;
  readonly preprocess: PreprocessPlan;
  readonly key: string;
}

/**
 * A header read and its probe prepared: either already answered (unreadable, cached) or waiting for
 * clang. A target-dependent header's x86_64 import may be cached (`base`) while its variants are not.
 */
export type PreparedImport =
  | { readonly done: ImportResult }
  | { readonly done?: undefined; readonly header: string; readonly display: string; readonly text: string; readonly candidates: readonly MacroCandidate[];
      readonly prepared: PreparedProbe; readonly key: string; readonly name: string; readonly version: string;
      readonly file: string; readonly options: ImportOptions; readonly targets?: TargetPlan; readonly base?: ImportResult;
      /** Set when the header has more candidates than one probe takes: `prepared` then declares none, and this many go in each chunk. */
      readonly chunk?: number };
export type PendingImport = Exclude<PreparedImport, { done: ImportResult }>;

export const X86_64 = findAbi('x86_64') as Abi;

/**
 * Reads a header and prepares its import probe for `abi`. On x86_64 (the import every command
 * starts from) the header is also scanned for target-dependent content, which costs no clang run;
 * only a header with a hint gets preprocessing probes for every class of ABIs (run in target-import.ts).
 */
export function prepareImport(file: string, options: ImportOptions, tool: ClangTool, memo: FileMemo, abi: Abi = X86_64): PreparedImport {
  const display = options.displayName ?? file;
  const header = path.resolve(file);
  let text: string;
  try {
    text = fs.readFileSync(header, 'utf8');
  } catch (e) {
    return { done: { issues: [issue('INPUT_UNREADABLE', display, `cannot read the header: ${(e as Error).message}`)] } };
  }
  const candidates = macroCandidates(text, display);
  const perProbe = options.macrosPerProbe ?? MACROS_PER_PROBE;
  const chunk = candidates.length > perProbe ? Math.max(1, perProbe) : undefined;
  const prepared = prepareProbe({
    abi, body: importProbe(header, chunk === undefined ? candidates : []), includeDirs: options.includeDirs, args: ['-Xclang', '-ast-dump=json'], resourceIncludeDir: tool.resourceIncludeDir,
  }, memo);
  const name = options.name ?? specNameOf(file);
  const version = options.version ?? '0.0.0';
  const key = sha256(JSON.stringify({ code: harnessCodeDigest(), clang: tool.identity, digest: prepared.digest, header, display, name, version }));
  let targets: TargetPlan | undefined;
  if (abi === X86_64) {
    // The scan's verdict is kept with the files it read (the key covers them) and the per-target
    // folders that exist, so that a warm import does not read the header's includes again.
    const scanKey = sha256(JSON.stringify({ key, siblings: multiarchSiblings(prepared.searchDirs) }));
    let scanned = readCached<{ hint?: TargetHint }>('target-scan', scanKey);
    if (scanned === undefined) {
      const shown = (f: string): string => (f === header ? display : f);
      const found = scanTargetDependence(header, { searchDirs: prepared.searchDirs, resourceIncludeDir: tool.resourceIncludeDir }, shown, memo);
      scanned = found !== undefined ? { hint: found } : {};
      writeCached('target-scan', scanKey, scanned);
    }
    const hint = scanned.hint;
    const classes = hint !== undefined ? abiClasses(hint) : [];
    // One class: every ABI defines the macros the header tests alike (none of them is one of the
    // architectures it names, say): nothing can differ.
    if (hint !== undefined && classes.length > 1) {
      const preprocess = preprocessProbes(header, classes, options.includeDirs, tool.resourceIncludeDir, memo);
      const targetKey = sha256(JSON.stringify({ key, probes: preprocess.probes.map((q) => q.digest), classes: preprocess.classes }));
      const whole = readCached<ImportResult>('import-targets', targetKey);
      if (whole !== undefined) return { done: whole };
      targets = { hint, preprocess, key: targetKey };
    }
  }
  const cached = readCached<ImportResult>('import', key);
  const pending = { header, display, text, candidates, prepared, key, name, version, file, options, ...(targets !== undefined ? { targets } : {}), ...(chunk !== undefined ? { chunk } : {}) };
  if (cached === undefined) return pending;
  if (targets !== undefined) return { ...pending, base: cached };
  if (abi !== X86_64 || cached.valueHint === undefined) return { done: cached };
  const whole = readCached<ImportResult>('import-targets', valueTargetsKey(key));
  return whole !== undefined ? { done: whole } : { ...pending, base: cached };
}

/** The import of a header from its one-pass probe's result (or its pass-1 result, when the header does not compile). */
export function finishImport(p: PendingImport, { run, diagnostics }: ProbeResult, memo?: FileMemo): ImportResult {
  const { header, display } = p;
  const shown = (d: (typeof diagnostics)[number]): typeof d =>
    d.loc?.file === header ? { ...d, loc: { ...d.loc, file: display } } : d;
  // Errors in the header itself (or in what it includes) mean it does not compile. Errors on the
  // probe's own lines only say that some macro is not a constant, which the import reports itself.
  const headerErrors = diagnostics.filter((d) => d.severity === 'error' && (!isProbeDiagnostic(d) || d.loc?.line === 1));
  if (headerErrors.length > 0) {
    return {
      issues: headerErrors.map((d) => {
        const hint = missingIncludeHint(d.message, p.prepared.searchDirs);
        return diagnosticIssue(shown(hint !== undefined ? { ...d, message: `${d.message}; ${hint}` } : d), display);
      }),
    };
  }
  const root = readProbeAst(run);
  if (root === undefined) {
    return { issues: [issue('CLANG_OUTPUT', display, `clang gave no AST (exit ${run.exitCode}): ${run.stderr.trim().slice(0, 500)}`)] };
  }
  return finishSpec(p, root, diagnostics, undefined, memo);
}

/** The spec of a header from its AST (and, after two passes, the readings), cached under the import's key. */
export function finishSpec(p: PendingImport, root: AstNode, diagnostics: readonly ClangDiagnostic[], readings?: ProbeReadings, memo?: FileMemo): ImportResult {
  // Only the x86_64 import asks whether values depend on the target: the others are those variants.
  const sources = p.prepared.request.abi === X86_64 ? {
    headerText: p.text,
    sources: {
      setup: { searchDirs: p.prepared.searchDirs, resourceIncludeDir: p.prepared.request.resourceIncludeDir },
      files: p.prepared.hostFiles,
      ...(memo !== undefined ? { read: (f: string) => memo.text(f), once: <T>(k: string, compute: () => T): T => memo.once(k, compute) } : {}),
    },
  } : undefined;
  const result = specFromAst(root, {
    header: p.header, display: p.display, candidates: p.candidates, probeDiagnostics: diagnostics, name: p.name, version: p.version,
    ...(readings !== undefined ? { readings } : { probeText: p.prepared.source }),
    ...(sources !== undefined ? { dependence: sources } : {}),
  });
  const withFacts: ImportResult = { ...result, facts: headerFacts(p, root, memo) };
  writeCached('import', p.key, withFacts);
  return withFacts;
}
