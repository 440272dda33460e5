import type { ClangTool } from '../clang/clang-tool';
import type { FileMemo } from '../clang/file-memo';
import { BATCH_SIZE } from '../clang/native-batch';
import { runProbe } from '../clang/probe-compile';
import { importAlone } from './import-chunks';
import { candidatesReachingIoctl } from './ioctl-reach';
import { fallbacksMatter, headerErrorsOf, importInPasses, type PassOutcome } from './import-passes';
import { finishImport, finishSpec, type ImportResult, type PendingImport } from './prepared-import';

/** Headers imported together: one clang process's worth of probes per pass. */
const PASS_SLICE = BATCH_SIZE;

/**
 * Imports headers whose probes are prepared (for any ABIs): those with the same ABI and include
 * folders are compiled together where the clang in use can share processes between them (native
 * clang: one `clang -cc1` for many probes), in two passes that make clang print about half as much
 * (see import-passes.ts), and the AST is read for what the importer uses only (read-probe-ast.ts).
 * Other clangs run the same passes, a probe at a time. `parallel`: groups compiled at the same time.
 */
export async function runPendingImports(tool: ClangTool, pending: readonly PendingImport[], memo: FileMemo, parallel = 1): Promise<Map<PendingImport, ImportResult>> {
  const finished = new Map<PendingImport, ImportResult>();
  // Probes with the same target and include folders can share a clang process; keep each group in input order.
  const groups = new Map<string, PendingImport[]>();
  for (const p of pending) {
    const k = JSON.stringify([p.prepared.request.abi.name, p.prepared.searchDirs]);
    const group = groups.get(k);
    if (group !== undefined) group.push(p);
    else groups.set(k, [p]);
  }
  const importGroup = async (all: readonly PendingImport[]): Promise<void> => {
    // A header too big for one probe is imported in chunks of its own (import-chunks.ts). Every other
    // one goes through the two passes, whichever the clang: the WebAssembly build runs in this process
    // and hands its dump over a byte or a few per call, so a dump a third as long pays for the second run.
    for (const p of all) if (p.chunk !== undefined) finished.set(p, await importAlone(tool, p, memo));
    const group = all.filter((p) => p.chunk === undefined);
    // A slice at a time: clang's output and the ASTs of a slice are held until its second pass is done.
    for (let start = 0; start < group.length; start += PASS_SLICE) {
      const slice = group.slice(start, start + PASS_SLICE);
      const outcomes = await importInPasses(tool, slice.map((p) => ({
        header: p.header, candidates: p.candidates, text: p.text, base: p.prepared,
        fallbacksMatter: fallbacksMatter(p.prepared.hostFiles, memo),
        shapes: candidatesReachingIoctl(p.candidates, p.text, p.prepared.hostFiles, memo),
      })));
      for (const [i, p] of slice.entries()) {
        const o = outcomes[i] as PassOutcome;
        if (o.kind === 'read') finished.set(p, finishSpec(p, o.root, o.diagnostics, o.readings, memo));
        // A header that does not compile is reported from its own probe, as the one-pass import does.
        else finished.set(p, headerErrorsOf(o.probe.diagnostics).length > 0 ? finishImport(p, o.probe, memo) : finishImport(p, await runProbe(tool, p.prepared), memo));
      }
    }
  };
  const queue = [...groups.values()];
  const worker = async (): Promise<void> => {
    for (let g = queue.shift(); g !== undefined; g = queue.shift()) await importGroup(g);
  };
  await Promise.all(Array.from({ length: Math.max(1, parallel) }, worker));
  return finished;
}
