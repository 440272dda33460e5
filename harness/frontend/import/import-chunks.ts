import { documentSpans, firstConstantValue, stringKey } from '../clang/ast-text';
import type { ClangRun, ClangTool } from '../clang/clang-tool';
import type { FileMemo } from '../clang/file-memo';
import { prepareVariant, runProbe, runProbes, type ProbeResult } from '../clang/probe-compile';
import type { AstNode } from '../clang/ast-json';
import { chunkProbe, END_MARKER, FALLBACK_NAME, SHAPE_NAME, VALUE_NAME, valuesProbe, type PassProbe } from './import-probe';
import { fallbacksAsked, fallbacksMatter, headerErrorsOf, passOneValues, valueErrorsOf } from './import-passes';
import { finishImport, finishSpec, type ImportResult, type PendingImport } from './prepared-import';
import { readProbeAst } from './read-probe-ast';
import { ioctlShape, shapeErrorsOf, type IoctlShape } from './spec-from-ast';

// A header with more candidate macros than one probe takes (a 10 MB header of `#define`s has 250,000)
// would make clang print gigabytes of AST, more than a JavaScript string can hold. It is imported in
// pieces whose output does not grow with the header:
//
// - the prepared probe (which declares no candidate) gives the header's own declarations and whether
//   it compiles, exactly as the one-pass probe would;
// - then the two passes of import-passes.ts, each cut into chunks of at most `chunk` candidates, each
//   chunk a probe of its own dumped with a filter (the header's declarations are not printed again):
//   pass 1 the shapes of a range of candidates and the values of those that do not look like
//   ioctls; pass 2 the values of ioctl-looking candidates without a shape, and the fallback values
//   where they can matter. Each declaration is written after the same include and macro definitions
//   as in the one-pass probe, so clang evaluates it the same way.
//
// Each chunk's dump stays bytes: a value is read from its enumerator's text, and only shapes (small
// type trees) are parsed. The readings are put together as the one-pass probe gives them; tests
// compare the two.

/** Chunks compiled together (one clang process where the tool shares them): bounds the output held at once. */
const CHUNKS_PER_RUN = 4;

/** Readings being gathered over the chunks of one header. */
interface Gathered {
  readonly values: Map<number, bigint>;
  readonly fallbackValues: Map<number, bigint>;
  readonly shapes: Map<number, IoctlShape>;
  readonly valueErrors: Map<number, string>;
  readonly shapeErrors: Map<number, string>;
}

const dumpBytes = (run: ClangRun): Buffer => run.bytes?.data ?? Buffer.from(run.stdout, 'utf8');

/** What one chunk's filtered dump and diagnostics say about its candidates. */
function readChunk(probe: PassProbe, result: ProbeResult, into: Gathered): void {
  for (const doc of documentSpans(dumpBytes(result.run))) {
    const kind = stringKey(doc, 'kind', 2);
    const name = stringKey(doc, 'name', 2) ?? '';
    if (kind === 'EnumConstantDecl') {
      // As readValue does on a parsed enumerator, from its text: the first ConstantExpr's value.
      const value = firstConstantValue(doc);
      const v = VALUE_NAME.exec(name);
      const f = FALLBACK_NAME.exec(name);
      if (value === undefined) continue;
      if (v !== null) into.values.set(Number(v[1]), BigInt(value));
      if (f !== null) into.fallbackValues.set(Number(f[1]), BigInt(value));
    } else if (kind === 'TypedefDecl') {
      const m = SHAPE_NAME.exec(name);
      const shape = m !== null ? ioctlShape(JSON.parse(doc.toString('utf8')) as AstNode) : undefined;
      if (m !== null && shape !== undefined) into.shapes.set(Number(m[1]), shape);
    }
  }
  for (const [i, why] of valueErrorsOf(probe, result.diagnostics)) into.valueErrors.set(i, why);
  for (const [i, why] of shapeErrorsOf(probe.text, result.diagnostics)) into.shapeErrors.set(i, why);
}

/** Runs probes a few at a time (each run's output is read and dropped before the next). */
async function runChunks(tool: ClangTool, p: PendingImport, probes: readonly PassProbe[], into: Gathered): Promise<void> {
  const args = [...p.prepared.request.args, '-Xclang', '-ast-dump-filter=__uapi_'];
  for (let start = 0; start < probes.length; start += CHUNKS_PER_RUN) {
    const some = probes.slice(start, start + CHUNKS_PER_RUN);
    const results = await runProbes(tool, some.map((q) => prepareVariant(p.prepared, q.text, args, END_MARKER)));
    some.forEach((q, k) => readChunk(q, results[k] as ProbeResult, into));
  }
}

/** Consecutive pieces of at most `size` items. */
function pieces<T>(all: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < all.length; at += size) out.push(all.slice(at, at + size));
  return out;
}

/** The import of a header whose candidates are too many for one probe ({@link PendingImport.chunk}). */
export async function importInChunks(tool: ClangTool, p: PendingImport, memo: FileMemo): Promise<ImportResult> {
  const chunk = p.chunk ?? p.candidates.length;
  const declarations = await runProbe(tool, p.prepared);
  // A header that does not compile, or gives no AST, is reported from this probe as from the one-pass one.
  const root = headerErrorsOf(declarations.diagnostics).length === 0 ? readProbeAst(declarations.run) : undefined;
  if (root === undefined) return finishImport(p, declarations, memo);
  const n = p.candidates.length;
  const gathered: Gathered = { values: new Map(), fallbackValues: new Map(), shapes: new Map(), valueErrors: new Map(), shapeErrors: new Map() };

  const asked = new Set(passOneValues(p.text, p.candidates));
  const first: PassProbe[] = [];
  for (let from = 0; from < n; from += chunk) {
    const to = Math.min(from + chunk, n);
    const values: number[] = [];
    for (let i = from; i < to; i++) if (asked.has(i)) values.push(i);
    first.push(chunkProbe(p.header, p.candidates, from, to, values));
  }
  await runChunks(tool, p, first, gathered);

  const deferred: number[] = [];
  const fallbacks: number[] = [];
  const matter = fallbacksAsked(fallbacksMatter(p.prepared.hostFiles, memo), root.inner ?? []);
  for (let i = 0; i < n; i++) {
    if (gathered.shapes.has(i)) continue;
    if (!asked.has(i)) deferred.push(i);
    if (matter && (!asked.has(i) || !gathered.values.has(i))) fallbacks.push(i);
  }
  const second = [...pieces(deferred, chunk).map((d) => valuesProbe(p.header, p.candidates, d, [])), ...pieces(fallbacks, chunk).map((f) => valuesProbe(p.header, p.candidates, [], f))];
  await runChunks(tool, p, second, gathered);
  return finishSpec(p, root, declarations.diagnostics, gathered, memo);
}

/** The import of one prepared header on its own: one probe, or chunks of a big header. */
export function importAlone(tool: ClangTool, p: PendingImport, memo: FileMemo): Promise<ImportResult> {
  return p.chunk !== undefined ? importInChunks(tool, p, memo) : runProbe(tool, p.prepared).then((r) => finishImport(p, r, memo));
}
