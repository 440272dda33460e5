import { constantValue, parseJsonDocuments } from '../clang/ast-json';
import type { ClangTool } from '../clang/clang-tool';
import { harnessCodeDigest, readCached, sha256, writeCached } from '../clang/content-cache';
import type { ClangDiagnostic } from '../clang/diagnostics';
import { isProbeDiagnostic, prepareProbe, runProbes, type PreparedProbe, type ProbeResult } from '../clang/probe-compile';
import { parseRecordLayouts, type DumpedRecordLayout } from '../clang/record-layout-dump';
import type { Abi } from '../../core/layout/abi';

const QUERY = /^__uapi_q(\d+)$/;
const queryName = (i: number): string => `__uapi_q${i}`;

/** What clang computed for one ABI: the value of each expression (by index) or why there is none. */
export interface Measurement {
  readonly values: ReadonlyMap<number, bigint>;
  readonly failures: ReadonlyMap<number, string>;
  readonly layouts: readonly DumpedRecordLayout[];
  /** Errors outside the probe's own lines: the header itself does not compile for this target. */
  readonly headerErrors: readonly ClangDiagnostic[];
}

interface Stored {
  values: [number, bigint][];
  failures: [number, string][];
  layouts: DumpedRecordLayout[];
  headerErrors: ClangDiagnostic[];
}

/** A measurement probe, prepared (its cache key known): run it, or take its result from the cache. */
export interface PreparedMeasure {
  readonly probe: PreparedProbe;
  readonly key: string;
  /** Lines before the first expression (the includes). */
  readonly header: number;
  readonly cached?: Measurement;
}

/**
 * Prepares the probe for one ABI: `includes` followed by one `enum { __uapi_qN = (expr) };` per
 * expression, one per line, then a last declaration that marks its end in a batched dump. clang's
 * values are read from the AST (only those declarations are dumped), with the record layouts clang
 * computed. A failing expression costs only its own value: the diagnostic on its line says why.
 * Results are cached by a hash of the probe and every file it may include.
 */
export function prepareMeasure(tool: ClangTool, abi: Abi, includes: string, exprs: readonly string[], includeDirs: readonly string[]): PreparedMeasure {
  const header = includes.split('\n').length;
  const body = `${includes}\n${exprs.map((e, i) => `enum { ${queryName(i)} = (${e}) };`).join('\n')}\nenum { ${END_MARKER} = 0 };\n`;
  // clang's own freestanding headers (<stddef.h>, which headers such as linux/btrfs_tree.h include)
  // are searched as the importer searches them.
  const probe = prepareProbe({
    abi,
    body,
    includeDirs,
    args: ['-Xclang', '-ast-dump=json', '-Xclang', '-ast-dump-filter=__uapi_q', '-Xclang', '-fdump-record-layouts-simple'],
    resourceIncludeDir: tool.resourceIncludeDir,
    lastDeclaration: END_MARKER,
  });
  const key = sha256(JSON.stringify({ code: harnessCodeDigest(), digest: probe.digest }));
  const cached = readCached<Stored>('verify-layout', key);
  return { probe, key, header, ...(cached !== undefined ? { cached: revive(cached) } : {}) };
}

/** The last declaration of a measurement probe. */
const END_MARKER = '__uapi_q_end';

/** Reads (and caches) what clang computed for a prepared measurement. */
export function readMeasurement(m: PreparedMeasure, { run, diagnostics }: ProbeResult): Measurement {
  const values: [number, bigint][] = [];
  for (const doc of parseJsonDocuments(run.stdout)) {
    const q = QUERY.exec(doc.name ?? '');
    const v = constantValue(doc);
    if (q !== null && v !== undefined) values.push([Number(q[1]), v]);
  }
  const failures: [number, string][] = [];
  const headerErrors: ClangDiagnostic[] = [];
  for (const d of diagnostics) {
    if (d.severity !== 'error') continue;
    const line = d.loc?.line ?? 0;
    if (isProbeDiagnostic(d) && line > m.header) failures.push([line - m.header - 1, d.message]);
    else headerErrors.push(d);
  }
  const stored: Stored = { values, failures, layouts: parseRecordLayouts(run.stdout), headerErrors };
  writeCached('verify-layout', m.key, stored);
  return revive(stored);
}

/** Measures many prepared probes (any ABIs): those not cached are compiled together per ABI and folders. */
export async function measureMany(tool: ClangTool, prepared: readonly PreparedMeasure[]): Promise<Measurement[]> {
  const out = new Array<Measurement>(prepared.length);
  const groups = new Map<string, number[]>();
  prepared.forEach((m, i) => {
    if (m.cached !== undefined) {
      out[i] = m.cached;
      return;
    }
    const k = JSON.stringify([m.probe.request.abi.name, m.probe.searchDirs]);
    groups.set(k, [...(groups.get(k) ?? []), i]);
  });
  // Two groups at a time: the machines this runs on have two cores; clang itself is single-threaded.
  const queue = [...groups.values()];
  const worker = async (): Promise<void> => {
    for (let g = queue.shift(); g !== undefined; g = queue.shift()) {
      const group = g;
      const runs = await runProbes(tool, group.map((i) => (prepared[i] as PreparedMeasure).probe));
      group.forEach((i, k) => { out[i] = readMeasurement(prepared[i] as PreparedMeasure, runs[k] as ProbeResult); });
    }
  };
  await Promise.all([worker(), worker()]);
  return out;
}

function revive(s: Stored): Measurement {
  return { values: new Map(s.values), failures: new Map(s.failures), layouts: s.layouts, headerErrors: s.headerErrors };
}
