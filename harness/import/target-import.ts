import type { ClangTool } from '../clang/clang-tool';
import { writeCached } from '../clang/content-cache';
import type { FileMemo } from '../clang/file-memo';
import type { ProbeResult } from '../clang/probe-compile';
import { hasErrors } from '../diagnostics/issue';
import { ABIS, findAbi, type Abi } from '../layout/abi';
import type { Spec } from '../spec/model';
import { runPendingImports } from './import-batch';
import { prepareImport, type ImportResult, type PendingImport, type PreparedImport, type TargetPlan } from './prepared-import';
import { groupVariants, runGroupedProbes, type SpecVariant } from './target-variants';
import { targetWarning } from './target-warning';

/** Takes consecutive slices of `all`, one per length in `lengths`. */
function slices<T>(all: readonly T[], lengths: readonly number[]): T[][] {
  let at = 0;
  return lengths.map((n) => all.slice(at, (at += n)));
}

/**
 * The variants of target-dependent headers whose x86_64 import is done. Each is preprocessed once per
 * class of ABIs (target-variants.ts), all headers' probes for one ABI in one clang process; ABIs with the
 * same relevant text share one import (its first ABI's), and the imports of every header and ABI go
 * through the batched two-pass import as the x86_64 ones do (import-batch.ts). The result, with the
 * {@link targetWarning}, is cached as a whole.
 */
export async function completeTargets(tool: ClangTool, items: readonly { p: PendingImport; base: ImportResult }[], memo: FileMemo): Promise<ImportResult[]> {
  const live = items.filter((it) => it.base.spec !== undefined && !hasErrors(it.base.issues));
  const targetsOf = (p: PendingImport): TargetPlan => p.targets as TargetPlan;
  const plans = live.map((it) => targetsOf(it.p).preprocess);
  const runs = slices(await runGroupedProbes(tool, plans.flatMap((pl) => pl.probes)), plans.map((pl) => pl.probes.length));
  const found = plans.map((plan, i) => groupVariants(plan, runs[i] as ProbeResult[]));
  const imports = live.map((it, i) => (found[i] as (typeof found)[number]).groups.filter((g) => !g.includes('x86_64'))
    .map((g) => prepareImport(it.p.file, it.p.options, tool, memo, findAbi(g[0] as string) as Abi)));
  const waiting = imports.flat().flatMap((q) => (q.done === undefined ? [q] : []));
  const results = await runPendingImports(tool, waiting, memo, 2);

  const whole = new Map<PendingImport, ImportResult>();
  live.forEach((it, i) => {
    const groups = found[i] as (typeof found)[number];
    const failed = new Map(groups.failed);
    const variants: SpecVariant[] = [];
    groups.groups.filter((g) => !g.includes('x86_64')).forEach((g, k) => {
      const q = (imports[i] as PreparedImport[])[k] as PreparedImport;
      const r = q.done ?? (results.get(q) as ImportResult);
      if (r.spec !== undefined && !hasErrors(r.issues)) variants.push({ abis: g, spec: r.spec });
      else for (const a of g) failed.set(a, r.issues.find((x) => x.severity === 'error')?.message ?? 'no spec');
    });
    const x86 = [...(groups.groups.find((g) => g.includes('x86_64')) ?? ['x86_64']), ...failed.keys()];
    const order = (names: readonly string[]): string[] => ABIS.flatMap((a) => (names.includes(a.name) ? [a.name] : []));
    const result: ImportResult = variants.length === 0 && failed.size === 0 ? it.base : {
      spec: it.base.spec as Spec,
      issues: [...it.base.issues, targetWarning(it.p.display, targetsOf(it.p).hint, order(variants.flatMap((v) => v.abis)), failed)],
      variants: [{ abis: order(x86), spec: it.base.spec as Spec }, ...variants.map((v) => ({ abis: order(v.abis), spec: v.spec }))],
    };
    writeCached('import-targets', targetsOf(it.p).key, result);
    whole.set(it.p, result);
  });
  return items.map((it) => whole.get(it.p) ?? it.base);
}
