import { parseJsonDocuments } from '../clang/ast-json';
import type { ClangTool } from '../clang/clang-tool';
import type { FileMemo } from '../clang/file-memo';
import { prepareVariant, runProbe, runProbes, type ProbeResult } from '../clang/probe-compile';
import { chunkProbe, END_MARKER, SHAPE_NAME, type PassProbe } from './import-probe';
import { fallbacksMatter, headerErrorsOf, valueErrorsOf } from './import-passes';
import { finishImport, finishSpec, type ImportResult, type PendingImport } from './prepared-import';
import { readProbeAst } from './read-probe-ast';
import { ioctlShape, readValue, shapeErrorsOf, type IoctlShape } from './spec-from-ast';

// A header with more candidate macros than one probe takes (a 10 MB header of `#define`s has 250,000)
// would make clang print gigabytes of AST, more than a JavaScript string can hold. It is imported in
// pieces whose output does not grow with the header:
//
// - the prepared probe (which declares no candidate) gives the header's own declarations and whether
//   it compiles, exactly as the one-pass probe would;
// - each chunk of candidates is a probe of its own (chunkProbe): the same value, fallback value and
//   shape declarations as in the one-pass probe, after the same include and macro definitions, so
//   clang evaluates each the same way, dumped with a filter so the header's declarations are not
//   printed again. A few chunks share a clang process where the tool can.
//
// The readings are put together as the one-pass probe gives them; tests compare the two.

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

/** What one chunk's filtered dump and diagnostics say about its candidates. */
function readChunk(probe: PassProbe, result: ProbeResult, into: Gathered): void {
  for (const doc of parseJsonDocuments(result.run.stdout)) {
    if (doc.kind === 'EnumConstantDecl') readValue(doc, into.values, into.fallbackValues);
    else if (doc.kind === 'TypedefDecl') {
      const m = SHAPE_NAME.exec(doc.name ?? '');
      const shape = m !== null ? ioctlShape(doc) : undefined;
      if (m !== null && shape !== undefined) into.shapes.set(Number(m[1]), shape);
    }
  }
  for (const [i, why] of valueErrorsOf(probe, result.diagnostics)) into.valueErrors.set(i, why);
  for (const [i, why] of shapeErrorsOf(probe.text, result.diagnostics)) into.shapeErrors.set(i, why);
}

/** The import of a header whose candidates are too many for one probe ({@link PendingImport.chunk}). */
export async function importInChunks(tool: ClangTool, p: PendingImport, memo: FileMemo): Promise<ImportResult> {
  const chunk = p.chunk ?? p.candidates.length;
  const declarations = await runProbe(tool, p.prepared);
  // A header that does not compile, or gives no AST, is reported from this probe as from the one-pass one.
  const root = headerErrorsOf(declarations.diagnostics).length === 0 ? readProbeAst(declarations.run) : undefined;
  if (root === undefined) return finishImport(p, declarations, memo);
  const fallbacks = fallbacksMatter(p.prepared.hostFiles, memo);
  const args = [...p.prepared.request.args, '-Xclang', '-ast-dump-filter=__uapi_'];
  const gathered: Gathered = { values: new Map(), fallbackValues: new Map(), shapes: new Map(), valueErrors: new Map(), shapeErrors: new Map() };
  const step = chunk * CHUNKS_PER_RUN;
  for (let start = 0; start < p.candidates.length; start += step) {
    const probes: PassProbe[] = [];
    for (let from = start; from < Math.min(start + step, p.candidates.length); from += chunk) {
      probes.push(chunkProbe(p.header, p.candidates, from, Math.min(from + chunk, p.candidates.length), fallbacks));
    }
    const results = await runProbes(tool, probes.map((q) => prepareVariant(p.prepared, q.text, args, END_MARKER)));
    probes.forEach((q, k) => readChunk(q, results[k] as ProbeResult, gathered));
  }
  return finishSpec(p, root, declarations.diagnostics, gathered, memo);
}

/** The import of one prepared header on its own: one probe, or chunks of a big header. */
export function importAlone(tool: ClangTool, p: PendingImport, memo: FileMemo): Promise<ImportResult> {
  return p.chunk !== undefined ? importInChunks(tool, p, memo) : runProbe(tool, p.prepared).then((r) => finishImport(p, r, memo));
}
