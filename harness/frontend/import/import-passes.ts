import { parseJsonDocuments, type AstNode } from '../clang/ast-json';
import type { ClangTool } from '../clang/clang-tool';
import type { FileMemo } from '../clang/file-memo';
import { MENTIONS_KERNEL_INTERNAL_MACRO } from '../clang/kernel-internal-macros';
import type { ClangDiagnostic } from '../clang/diagnostics';
import { PROBE_FILE, prepareVariant, runProbes, type PreparedProbe, type ProbeResult } from '../clang/probe-compile';
import { declarationsProbe, END_MARKER, valuesProbe, type PassProbe } from './import-probe';
import { definitionText, type MacroCandidate } from './macro-candidates';
import { readProbeAst } from './read-probe-ast';
import { probeDefinesNoIoc, readProbeDeclarations, readValue, shapeErrorsOf, type IoctlShape, type ProbeReadings } from './spec-from-ast';

// Most of what clang prints for an import probe is the expression of every candidate macro, three
// times over: as a value, as a fallback value and as an ioctl shape. Values of ioctls and fallback
// values of macros that have a value are never used. When many headers are imported at once (and
// one clang process serves many probes), the import runs in two passes that print each needed
// expression once or twice, and the readings are put together as the one-pass probe gives them:
//
// 1. the header's declarations, every shape, and the values of candidates that do not look like
//    ioctls (their definition does not call a macro with `IO` in its name);
// 2. only for headers that need it, dumped with a filter (the declarations are not printed again):
//    the values of ioctl-looking candidates that turned out to have no shape, and the fallback
//    values of every candidate left without a value, when the header or what it includes mentions a
//    kernel-internal macro (otherwise the fallbacks cannot change any expansion).
//
// Each declaration is written exactly as in the one-pass probe, after the same include and the same
// macro definitions, so clang evaluates it the same way; tests compare the two on real header trees.

/** One header to import: its one-pass probe (folders, include closure) and its candidate macros. */
export interface PassImport {
  readonly header: string;
  readonly candidates: readonly MacroCandidate[];
  readonly text: string;
  readonly base: PreparedProbe;
  /**
   * Whether the header or a file it may include mentions a kernel-internal macro (`BIT`, `SZ_1M`...).
   * Only then can the fallback definitions change what a candidate means: otherwise a fallback value
   * fails where the value failed, and is not asked for.
   */
  readonly fallbacksMatter: boolean;
  /** The candidates that may have a shape (ioctl-reach.ts); every one when not given. */
  readonly shapes?: readonly number[];
}

/** What the passes give for one header: clang's pass-1 AST and diagnostics, and the readings. */
export type PassOutcome =
  | { readonly kind: 'pass1'; readonly probe: ProbeResult }
  | { readonly kind: 'read'; readonly root: AstNode; readonly diagnostics: readonly ClangDiagnostic[]; readonly readings: ProbeReadings };

const CALLS_IO_MACRO = /\b\w*IO\w*\s*\(/;

/** Candidates whose value pass 1 asks for: those whose definition does not look like an ioctl. */
export function passOneValues(text: string, candidates: readonly MacroCandidate[]): number[] {
  const lines = text.split('\n');
  return candidates.flatMap((c, i) => (CALLS_IO_MACRO.test(definitionText(lines, c)) ? [] : [i]));
}

/** clang's first error on each value line of a pass probe, by candidate. */
export function valueErrorsOf(probe: PassProbe, diagnostics: readonly ClangDiagnostic[]): Map<number, string> {
  // Indexed by line first: a chunk of a big header has thousands of value lines and as many errors.
  const firstError = new Map<number, string>();
  for (const d of diagnostics) {
    if (d.severity === 'error' && d.loc?.file === PROBE_FILE && !firstError.has(d.loc.line)) firstError.set(d.loc.line, d.message);
  }
  const out = new Map<number, string>();
  for (const [i, line] of probe.valueLines) {
    const why = firstError.get(line);
    if (why !== undefined) out.set(i, why);
  }
  return out;
}

/** Whether a probe's fallback values can differ from its values: see {@link PassImport.fallbacksMatter}. */
export function fallbacksMatter(hostFiles: readonly string[], memo: FileMemo): boolean {
  return hostFiles.some((f) => memo.matches(f, 'kernel-internal', MENTIONS_KERNEL_INTERNAL_MACRO));
}

/**
 * Whether fallback values are asked for, after pass 1 has read `top`: where they can matter by the
 * header's text, and where the header defines no `_IOC`, since the fallbacks then include
 * <linux/ioctl.h> (kernel-internal-macros.ts) and an ioctl-derived constant (`_IOC_NR(HIDIOCREVOKE)`
 * of linux/hidraw.h) gets a value there, as in the one-pass probe.
 */
export function fallbacksAsked(matter: boolean, top: readonly AstNode[]): boolean {
  return matter || probeDefinesNoIoc(top);
}

/** Errors that mean the header does not compile: outside the probe, or on its `#include` line. */
export function headerErrorsOf(diagnostics: readonly ClangDiagnostic[]): ClangDiagnostic[] {
  return diagnostics.filter((d) => d.severity === 'error' && (d.loc?.file !== PROBE_FILE || d.loc.line === 1));
}

interface Open {
  readonly index: number;
  readonly root: AstNode;
  readonly diagnostics: readonly ClangDiagnostic[];
  readonly values: Map<number, bigint>;
  readonly shapes: ReadonlyMap<number, IoctlShape>;
  readonly valueErrors: Map<number, string>;
  readonly shapeErrors: ReadonlyMap<number, string>;
  readonly deferred: readonly number[];
  readonly fallbacks: readonly number[];
}

/**
 * Runs both passes for many headers (each pass shares clang processes where the tool can). A header
 * that does not compile, or whose AST cannot be read, comes back as its pass-1 probe result for the
 * caller to report exactly as for a one-pass import (header errors are the same in both probes).
 */
export async function importInPasses(tool: ClangTool, imports: readonly PassImport[]): Promise<PassOutcome[]> {
  const plans = imports.map((imp) => {
    const values = passOneValues(imp.text, imp.candidates);
    const probe = declarationsProbe(imp.header, imp.candidates, values, imp.shapes);
    return { imp, values, probe, prepared: prepareVariant(imp.base, probe.text, imp.base.request.args) };
  });
  const runs = await runProbes(tool, plans.map((p) => p.prepared));
  const outcomes: PassOutcome[] = new Array<PassOutcome>(imports.length);
  const open: Open[] = [];
  plans.forEach((plan, index) => {
    const result = runs[index] as ProbeResult;
    const root = headerErrorsOf(result.diagnostics).length === 0 ? readProbeAst(result.run) : undefined;
    if (root === undefined) {
      outcomes[index] = { kind: 'pass1', probe: result };
      return;
    }
    const { values, shapes } = readProbeDeclarations(root.inner ?? []);
    const asked = new Set(plan.values);
    const deferred = plan.imp.candidates.flatMap((_, i) => (!asked.has(i) && !shapes.has(i) ? [i] : []));
    const fallbacks = fallbacksAsked(plan.imp.fallbacksMatter, root.inner ?? []) ? plan.imp.candidates.flatMap((_, i) => (!shapes.has(i) && !values.has(i) ? [i] : [])) : [];
    const o: Open = { index, root, diagnostics: result.diagnostics, values, shapes, valueErrors: valueErrorsOf(plan.probe, result.diagnostics), shapeErrors: shapeErrorsOf(plan.probe.text, result.diagnostics), deferred, fallbacks };
    if (deferred.length === 0 && fallbacks.length === 0) outcomes[index] = finished(o, new Map());
    else open.push(o);
  });
  if (open.length === 0) return outcomes;

  const second = open.map((o) => {
    const imp = (plans[o.index] as (typeof plans)[number]).imp;
    const probe = valuesProbe(imp.header, imp.candidates, o.deferred, o.fallbacks);
    return { probe, prepared: prepareVariant(imp.base, probe.text, [...imp.base.request.args, '-Xclang', '-ast-dump-filter=__uapi_'], END_MARKER) };
  });
  const runs2 = await runProbes(tool, second.map((s) => s.prepared));
  open.forEach((o, k) => {
    const result = runs2[k] as ProbeResult;
    const fallbackValues = new Map<number, bigint>();
    for (const doc of parseJsonDocuments(result.run.stdout)) readValue(doc, o.values, fallbackValues);
    for (const [i, why] of valueErrorsOf((second[k] as (typeof second)[number]).probe, result.diagnostics)) o.valueErrors.set(i, why);
    outcomes[o.index] = finished(o, fallbackValues);
  });
  return outcomes;
}

function finished(o: Open, fallbackValues: ReadonlyMap<number, bigint>): PassOutcome {
  return { kind: 'read', root: o.root, diagnostics: o.diagnostics, readings: { values: o.values, fallbackValues, shapes: o.shapes, valueErrors: o.valueErrors, shapeErrors: o.shapeErrors } };
}
