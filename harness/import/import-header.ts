import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AstNode } from '../clang/ast-json';
import { harnessCodeDigest, readCached, sha256, writeCached } from '../clang/content-cache';
import { diagnosticIssue } from '../clang/diagnostics';
import { FileMemo } from '../clang/file-memo';
import { multiarchSiblings } from '../clang/target-includes';
import { MENTIONS_KERNEL_INTERNAL_MACRO } from '../clang/kernel-internal-macros';
import { BATCH_SIZE } from '../clang/native-batch';
import { findClang } from '../clang/find-clang';
import type { ClangDiagnostic } from '../clang/diagnostics';
import type { ClangTool } from '../clang/clang-tool';
import { isProbeDiagnostic, prepareProbe, runProbe, type PreparedProbe, type ProbeResult } from '../clang/probe-compile';
import { hasErrors, issue, type Issue } from '../diagnostics/issue';
import { ABIS, findAbi, type Abi } from '../layout/abi';
import type { Spec } from '../spec/model';
import { importProbe } from './import-probe';
import { macroCandidates, type MacroCandidate } from './macro-candidates';
import { readProbeAst } from './read-probe-ast';
import { headerErrorsOf, importInPasses, type PassOutcome } from './import-passes';
import { specFromAst, type ProbeReadings } from './spec-from-ast';
import { scanTargetDependence, type TargetHint } from './target-scan';
import { abiClasses, groupVariants, preprocessProbes, runGroupedProbes, type PreprocessPlan, type SpecVariant } from './target-variants';
import { targetWarning } from './target-warning';

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
 * An imported header. `spec` is what it declares on x86_64. A header whose preprocessed content
 * differs between targets (see target-scan.ts and target-variants.ts) also has `variants`: one spec
 * per group of ABIs that preprocess it alike, covering every ABI (x86_64's group holds `spec`).
 */
export type ImportResult = { spec?: Spec; issues: Issue[]; variants?: readonly SpecVariant[] };

/** The per-target work of a target-dependent header: its hint, a preprocessing probe per ABI, the cache key of the whole result. */
interface TargetPlan {
  readonly hint: TargetHint;
  readonly preprocess: PreprocessPlan;
  readonly key: string;
}

/**
 * A header read and its probe prepared: either already answered (unreadable, cached) or waiting for
 * clang. A target-dependent header's x86_64 import may be cached (`base`) while its variants are not.
 */
type PreparedImport =
  | { readonly done: ImportResult }
  | { readonly done?: undefined; readonly header: string; readonly display: string; readonly text: string; readonly candidates: readonly MacroCandidate[];
      readonly prepared: PreparedProbe; readonly key: string; readonly name: string; readonly version: string;
      readonly file: string; readonly options: ImportOptions; readonly targets?: TargetPlan; readonly base?: ImportResult };
type PendingImport = Exclude<PreparedImport, { done: ImportResult }>;

const X86_64 = findAbi('x86_64') as Abi;

/**
 * Reads a header and prepares its import probe for `abi`. On x86_64 (the import every command
 * starts from) the header is also scanned for target-dependent content, which costs no clang run;
 * only a header with a hint gets preprocessing probes for every ABI (run in {@link completeTargets}).
 */
function prepareImport(file: string, options: ImportOptions, tool: ClangTool, memo?: FileMemo, abi: Abi = X86_64): PreparedImport {
  const display = options.displayName ?? file;
  const header = path.resolve(file);
  let text: string;
  try {
    text = fs.readFileSync(header, 'utf8');
  } catch (e) {
    return { done: { issues: [issue('INPUT_UNREADABLE', display, `cannot read the header: ${(e as Error).message}`)] } };
  }
  const candidates = macroCandidates(text, display);
  const prepared = prepareProbe({
    abi, body: importProbe(header, candidates), includeDirs: options.includeDirs, args: ['-Xclang', '-ast-dump=json'], resourceIncludeDir: tool.resourceIncludeDir,
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
  const pending = { header, display, text, candidates, prepared, key, name, version, file, options, ...(targets !== undefined ? { targets } : {}) };
  if (cached === undefined) return pending;
  return targets === undefined ? { done: cached } : { ...pending, base: cached };
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
  const memo = new FileMemo();
  const p = prepareImport(file, options, found.tool, memo);
  if (p.done !== undefined) return p.done;
  const base = p.base ?? finishImport(p, await runProbe(found.tool, p.prepared));
  if (p.targets === undefined) return base;
  return (await completeTargets(found.tool, [{ p, base }], memo))[0] as ImportResult;
}

/**
 * The variants of target-dependent headers whose x86_64 import is done: each is preprocessed for every
 * ABI, ABIs with the same relevant text share one import (its first ABI's), and the result, with the
 * {@link targetWarning}, is cached as a whole. Probes that share an ABI and folders go to clang together.
 */
async function completeTargets(tool: ClangTool, items: readonly { p: PendingImport; base: ImportResult }[], memo: FileMemo): Promise<ImportResult[]> {
  const live = items.filter((it) => it.base.spec !== undefined && !hasErrors(it.base.issues));
  const preprocessed = await runGroupedProbes(tool, live.flatMap((it) => (it.p.targets as TargetPlan).preprocess.probes));
  let at = 0;
  const plans = live.map((it) => {
    const plan = (it.p.targets as TargetPlan).preprocess;
    const found = groupVariants(plan, preprocessed.slice(at, at + plan.probes.length));
    at += plan.probes.length;
    const others = found.groups.filter((g) => !g.includes('x86_64'));
    const imports = others.map((g) => prepareImport(it.p.file, it.p.options, tool, memo, findAbi(g[0] as string) as Abi));
    return { it, found, others, imports };
  });
  const waiting = plans.flatMap((pl) => pl.imports.flatMap((q) => (q.done === undefined ? [q] : [])));
  const runs = await runGroupedProbes(tool, waiting.map((q) => q.prepared));
  const results = new Map<PreparedImport, ImportResult>(waiting.map((q, i) => [q, q.base ?? finishImport(q, runs[i] as ProbeResult)]));
  const whole = new Map<PendingImport, ImportResult>();
  for (const { it, found, others, imports } of plans) {
    const failed = new Map(found.failed);
    const variants: SpecVariant[] = [];
    others.forEach((g, i) => {
      const q = imports[i] as PreparedImport;
      const r = q.done ?? (results.get(q) as ImportResult);
      if (r.spec !== undefined && !hasErrors(r.issues)) variants.push({ abis: g, spec: r.spec });
      else for (const a of g) failed.set(a, r.issues.find((x) => x.severity === 'error')?.message ?? 'no spec');
    });
    const x86 = [...(found.groups.find((g) => g.includes('x86_64')) ?? ['x86_64']), ...failed.keys()];
    const order = (names: readonly string[]): string[] => ABIS.flatMap((a) => (names.includes(a.name) ? [a.name] : []));
    const result: ImportResult = variants.length === 0 && failed.size === 0 ? it.base : {
      spec: it.base.spec as Spec,
      issues: [...it.base.issues, targetWarning(it.p.display, (it.p.targets as TargetPlan).hint, order(variants.flatMap((v) => v.abis)), failed)],
      variants: [{ abis: order(x86), spec: it.base.spec as Spec }, ...variants.map((v) => ({ abis: order(v.abis), spec: v.spec }))],
    };
    writeCached('import-targets', (it.p.targets as TargetPlan).key, result);
    whole.set(it.p, result);
  }
  return items.map((it) => whole.get(it.p) ?? it.base);
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
  const finished = new Map<PreparedImport, ImportResult>();
  for (const p of prepared) if (p.done === undefined && p.base !== undefined) finished.set(p, p.base);
  const pending = prepared.flatMap((p) => (p.done === undefined && p.base === undefined ? [p] : []));
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
  const targeted = prepared.flatMap((p) => (p.done === undefined && p.targets !== undefined ? [{ p, base: finished.get(p) as ImportResult }] : []));
  if (targeted.length > 0) {
    const complete = await completeTargets(tool, targeted, memo);
    targeted.forEach((t, i) => finished.set(t.p, complete[i] as ImportResult));
  }
  return prepared.map((p) => p.done ?? (finished.get(p) as ImportResult));
}
