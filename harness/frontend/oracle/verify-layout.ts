import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ClangTool } from '../clang/clang-tool';
import { cacheRoot, sha256 } from '../clang/content-cache';
import { diagnosticIssue } from '../clang/diagnostics';
import { findClang } from '../clang/find-clang';
import { kernelInternalFallbacks } from '../clang/kernel-internal-macros';
import { includeLine } from '../clang/probe-compile';
import { issue, type Issue } from '../../core/diagnostics/issue';
import { withResourceDir } from '../clang/probe-compile';
import { abiOfMultiarchFile, targetIncludeDirs } from '../clang/target-includes';
import { scanTargetDependence } from '../import/target-scan';
import { findAbi } from '../../core/layout/abi';
import { emitCHeader } from '../emit/c-header';
import type { Abi } from '../../core/layout/abi';
import type { RecordDecl, Spec } from '../../core/model/model';
import { clangBitOffsets, hasBitFields, type PositionOf } from './bit-offsets';
import { layoutQueries, type LayoutQuery, type QueryKind } from './layout-queries';
import { measureMany, prepareMeasure, type Measurement, type PreparedMeasure } from './measure';

const X86_64 = findAbi('x86_64') as Abi;

/** The C the oracle compiles: the real header, or a header written from the spec. */
export type VerifySource =
  | { readonly kind: 'header'; readonly file: string; readonly displayName: string }
  | { readonly kind: 'spec' };

export interface VerifyOptions {
  readonly abis: readonly Abi[];
  readonly includeDirs: readonly string[];
  /** The spec to check on an ABI when it is not `spec` (a target-dependent header's variant for that ABI). */
  readonly specFor?: (abi: Abi) => Spec;
}

export interface LayoutMismatch {
  readonly abi: string;
  readonly path: string;
  readonly kind: QueryKind;
  readonly engine: bigint;
  /** clang's value, or why clang gave none. */
  readonly clang: bigint | string;
}

export interface VerifyResult {
  /** How many values were compared, over all ABIs. */
  readonly checked: number;
  readonly mismatches: readonly LayoutMismatch[];
  /** Problems that stop the check (no clang, a header that does not compile for a target). */
  readonly issues: readonly Issue[];
  /** Which clang ran, when one had to (all results may come from the cache). */
  readonly clang?: string;
}

/** Writes the spec's C header into the cache (content-addressed) so clang can include it. */
function emittedHeaderFile(spec: Spec): { file: string; positionOf: PositionOf } {
  const emitted = emitCHeader(spec);
  const file = path.join(cacheRoot(), 'emitted', `${sha256(emitted.text).slice(0, 24)}.h`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, emitted.text);
    fs.renameSync(tmp, file);
  }
  return {
    file,
    positionOf: (r) => {
      const p = emitted.inlinePositions.get(r);
      return p === undefined ? undefined : { file, ...p };
    },
  };
}

/** One header (or spec) to check with {@link verifyLayouts}. */
export interface VerifyItem {
  readonly spec: Spec;
  readonly source: VerifySource;
  /** The spec to check on an ABI when it is not `spec` (a target-dependent header's variant for that ABI). */
  readonly specFor?: (abi: Abi) => Spec;
}

/**
 * Compares every size, alignment, field offset (bit offset for bit-fields), field size, enum
 * size and value, constant and ioctl request number the layout engine computes for `spec` with
 * what clang computes for each ABI's target triple, in one clang run per ABI.
 */
export async function verifyLayout(spec: Spec, source: VerifySource, options: VerifyOptions): Promise<VerifyResult> {
  const item: VerifyItem = { spec, source, ...(options.specFor !== undefined ? { specFor: options.specFor } : {}) };
  return (await verifyLayouts([item], options))[0] as VerifyResult;
}

/**
 * {@link verifyLayout} for many headers at once: the probes of every header for one ABI are compiled
 * together, where the clang in use can share a process between them (native clang: one `clang -cc1`
 * for many probes). Results in input order, each what verifyLayout gives for that header alone.
 */
export async function verifyLayouts(items: readonly VerifyItem[], options: { readonly abis: readonly Abi[]; readonly includeDirs: readonly string[] }): Promise<VerifyResult[]> {
  const found = await findClang();
  const tool = found.tool;
  if (tool === undefined) return items.map(() => ({ checked: 0, mismatches: [], issues: found.issues }));
  type Planned = { kind: 'skip'; issue: Issue } | { kind: 'measure'; abi: Abi; abiSpec: Spec; queries: LayoutQuery[]; measured: LayoutQuery[]; at: number };
  const prepared: PreparedMeasure[] = [];
  const plans = items.map((item) => {
    const { source, spec } = item;
    let file: string;
    let positionOf: PositionOf;
    if (source.kind === 'header') {
      file = path.resolve(source.file);
      positionOf = (r: RecordDecl) => (r.loc === undefined ? undefined : { file: r.loc.file === source.displayName ? file : r.loc.file, line: r.loc.line, col: r.loc.col });
    } else {
      ({ file, positionOf } = emittedHeaderFile(spec));
    }
    const shown = source.kind === 'header' ? source.displayName : 'emitted header';
    const hostOnly = source.kind === 'header' ? hostOnlyAsmOf(file, options.includeDirs, tool) : undefined;
    const perAbi = options.abis.map((abi): Planned => {
      // Comparing with clang on the same wrong asm/ header would agree and prove nothing.
      if (hostOnly !== undefined && abiOfMultiarchFile(hostOnly.file) !== abi.name) {
        return { kind: 'skip', issue: issue('VERIFY_NO_TARGET_HEADERS', `${abi.name}: ${shown}`, `cannot be checked on ${abi.name}: the header reaches ${hostOnly.name}, which is installed only for the host's architecture (${hostOnly.file}); pass -I a tree with every architecture's asm/ headers, such as Debian's linux-libc-dev 6.12 or later`) };
      }
      const abiSpec = item.specFor?.(abi) ?? spec;
      const queries = layoutQueries(abiSpec, abi);
      const measured = queries.filter((q) => q.expr !== undefined);
      prepared.push(prepareMeasure(tool, abi, `${includeLine(file)}\n${kernelInternalFallbacks()}`, measured.map((q) => q.expr as string), options.includeDirs));
      return { kind: 'measure', abi, abiSpec, queries, measured, at: prepared.length - 1 };
    });
    return { shown, positionOf, perAbi };
  });
  const measurements = await measureMany(tool, prepared);
  return plans.map((plan) => {
    const results = plan.perAbi.map((p): { checked: number; mismatches: LayoutMismatch[]; issues: Issue[] } => {
      if (p.kind === 'skip') return { checked: 0, mismatches: [], issues: [p.issue] };
      const { abi, abiSpec, queries, measured } = p;
      const m = measurements[p.at] as Measurement;
      if (m.headerErrors.length > 0) return { checked: 0, mismatches: [], issues: m.headerErrors.map((d) => diagnosticIssue(d, `${abi.name}: ${plan.shown}`)) };
      const byName = new Map(abiSpec.records.filter((r) => r.name !== undefined).map((r) => [r.name as string, r]));
      const mismatches: LayoutMismatch[] = [];
      const report = (q: LayoutQuery, clang: bigint | string): void => {
        if (clang !== q.expected) mismatches.push({ abi: abi.name, path: q.path, kind: q.kind, engine: q.expected, clang });
      };
      measured.forEach((q, i) => report(q, m.values.get(i) ?? `no value (${m.failures.get(i) ?? 'clang gave none'})`));
      const bitQueries = queries.filter((q) => q.bitField !== undefined);
      const bitsByRecord = new Map<string, { offsets: Map<string, bigint>; problems: string[] }>();
      for (const q of bitQueries) {
        const b = q.bitField as NonNullable<typeof q.bitField>;
        let got = bitsByRecord.get(b.record);
        if (got === undefined) {
          const r = byName.get(b.record) as RecordDecl;
          got = hasBitFields(r, byName) ? clangBitOffsets(abiSpec, r, m.layouts, plan.positionOf) : { offsets: new Map(), problems: [] };
          bitsByRecord.set(b.record, got);
        }
        report(q, got.offsets.get(b.member) ?? `no value (${got.problems.join('; ') || 'not in clang\'s layout'})`);
      }
      return { checked: measured.length + bitQueries.length, mismatches, issues: [] };
    });
    return {
      checked: results.reduce((n, r) => n + r.checked, 0),
      mismatches: results.flatMap((r) => r.mismatches),
      issues: results.flatMap((r) => r.issues),
      clang: tool.description,
    };
  });
}

/** An asm/ header only the host's architecture has, reached by the header (see target-scan.ts). */
function hostOnlyAsmOf(file: string, includeDirs: readonly string[], tool: ClangTool | undefined): { name: string; file: string } | undefined {
  const searchDirs = withResourceDir(targetIncludeDirs(X86_64, includeDirs), tool?.resourceIncludeDir);
  return scanTargetDependence(file, { searchDirs, resourceIncludeDir: tool?.resourceIncludeDir }, (f) => f)?.hostOnlyAsm;
}
