import { FileMemo } from '../clang/file-memo';
import { findClang } from '../clang/find-clang';
import { runPendingImports } from './import-batch';
import { prepareImport, type ImportOptions, type ImportResult, type PendingImport, type PreparedImport } from './prepared-import';
import { reportEnd, reportStep } from '../../core/util/work-progress';
import { completeTargets } from './target-import';

export { specNameOf } from './prepared-import';
export type { ImportOptions, ImportResult } from './prepared-import';

/**
 * Imports a uAPI header through clang: its structs, unions, enums, integer constants and ioctls
 * become a spec (see spec-from-ast.ts). Headers that do not compile give clang's errors as issues.
 * The result is cached by a hash of the header, every file it may include, the options and the
 * clang build (found without starting clang, so that a cached import starts no process).
 */
export async function importHeader(file: string, options: ImportOptions): Promise<ImportResult> {
  const shown = options.displayName ?? file;
  // The WebAssembly clang takes seconds to load: that is part of the wait a progress line explains.
  reportStep(shown, 'starting clang');
  try {
    const found = await findClang();
    if (found.tool === undefined) return { issues: found.issues };
    const memo = new FileMemo();
    reportStep(shown, 'reading the header and what it includes');
    const p = prepareImport(file, options, found.tool, memo);
    if (p.done !== undefined) return p.done;
    if (p.base === undefined) reportStep(shown, `clang ${p.prepared.request.abi.name} (${found.tool.kind})`);
    // Through the batched import, as a tree's headers are: with native clang that is two passes, whose
    // dumps hold about half the bytes of the one-pass probe's (no ioctl's value, no fallback value
    // unless it can matter), for the same result.
    const base = p.base ?? (await runPendingImports(found.tool, [p], memo)).get(p) as ImportResult;
    if (p.targets === undefined && base.valueHint === undefined) return base;
    return (await completeTargets(found.tool, [{ p, base }], memo))[0] as ImportResult;
  } finally {
    reportEnd(shown);
  }
}

/** One header of {@link importHeaders}. */
export interface HeaderImport {
  readonly file: string;
  readonly options: ImportOptions;
}

/**
 * Imports many headers; each result is exactly what {@link importHeader} gives for it, in order. The
 * headers that need clang are compiled together where the clang in use can share processes between
 * them (see import-batch.ts); on a whole header tree this takes a fraction of the time of one clang
 * run per header. Target-dependent headers then get their variants, all of them together.
 */
export async function importHeaders(headers: readonly HeaderImport[]): Promise<ImportResult[]> {
  const found = await findClang();
  const tool = found.tool;
  if (tool === undefined) return headers.map(() => ({ issues: found.issues }));
  const memo = new FileMemo();
  const prepared: PreparedImport[] = [];
  for (const h of headers) prepared.push(prepareImport(h.file, h.options, tool, memo));
  const finished = new Map<PreparedImport, ImportResult>();
  for (const p of prepared) if (p.done === undefined && p.base !== undefined) finished.set(p, p.base);
  const pending = prepared.flatMap((p) => (p.done === undefined && p.base === undefined ? [p] : []));
  for (const [p, r] of await runPendingImports(tool, pending, memo)) finished.set(p, r);
  const targeted = prepared.flatMap((p): { p: PendingImport; base: ImportResult }[] => {
    const base = finished.get(p);
    return p.done === undefined && base !== undefined && (p.targets !== undefined || base.valueHint !== undefined) ? [{ p, base }] : [];
  });
  if (targeted.length > 0) {
    const complete = await completeTargets(tool, targeted, memo);
    targeted.forEach((t, i) => finished.set(t.p, complete[i] as ImportResult));
  }
  return prepared.map((p) => p.done ?? (finished.get(p) as ImportResult));
}
