import { constantValue, parseJsonDocuments } from '../clang/ast-json';
import type { ClangTool } from '../clang/clang-tool';
import { harnessCodeDigest, readCached, sha256, writeCached } from '../clang/content-cache';
import type { ClangDiagnostic } from '../clang/diagnostics';
import { isProbeDiagnostic, prepareProbe, runProbe } from '../clang/probe-compile';
import { parseRecordLayouts, type DumpedRecordLayout } from '../clang/record-layout-dump';
import type { Abi } from '../layout/abi';

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

/**
 * Compiles `includes` followed by one `enum { __uapi_qN = (expr) };` per expression, one per line,
 * for one ABI, and reads clang's values from the AST (only those declarations are dumped) and the
 * record layouts clang computed. A failing expression costs only its own value: the diagnostic on
 * its line says why. Results are cached by a hash of the probe and every file it may include.
 */
export async function measure(getTool: () => Promise<ClangTool | undefined>, abi: Abi, includes: string, exprs: readonly string[], includeDirs: readonly string[]): Promise<Measurement | undefined> {
  const header = includes.split('\n').length;
  const body = `${includes}\n${exprs.map((e, i) => `enum { ${queryName(i)} = (${e}) };`).join('\n')}\n`;
  // The clang is needed before the cache is asked: its own freestanding headers (<stddef.h>, which
  // headers such as linux/btrfs_tree.h include) are searched last, as the importer searches them.
  const tool = await getTool();
  if (tool === undefined) return undefined;
  const prepared = prepareProbe({
    abi,
    body,
    includeDirs,
    args: ['-Xclang', '-ast-dump=json', '-Xclang', '-ast-dump-filter=__uapi_q', '-Xclang', '-fdump-record-layouts-simple'],
    resourceIncludeDir: tool.resourceIncludeDir,
  });
  const key = sha256(JSON.stringify({ code: harnessCodeDigest(), digest: prepared.digest }));
  const cached = readCached<Stored>('verify-layout', key);
  if (cached !== undefined) return revive(cached);
  const { run, diagnostics } = await runProbe(tool, prepared);
  const values: [number, bigint][] = [];
  for (const doc of parseJsonDocuments(run.stdout)) {
    const m = QUERY.exec(doc.name ?? '');
    const v = constantValue(doc);
    if (m !== null && v !== undefined) values.push([Number(m[1]), v]);
  }
  const failures: [number, string][] = [];
  const headerErrors: ClangDiagnostic[] = [];
  for (const d of diagnostics) {
    if (d.severity !== 'error') continue;
    const line = d.loc?.line ?? 0;
    if (isProbeDiagnostic(d) && line > header) failures.push([line - header - 1, d.message]);
    else headerErrors.push(d);
  }
  const stored: Stored = { values, failures, layouts: parseRecordLayouts(run.stdout), headerErrors };
  writeCached('verify-layout', key, stored);
  return revive(stored);
}

function revive(s: Stored): Measurement {
  return { values: new Map(s.values), failures: new Map(s.failures), layouts: s.layouts, headerErrors: s.headerErrors };
}
