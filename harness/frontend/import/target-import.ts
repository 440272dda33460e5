import type { ClangTool } from '../clang/clang-tool';
import { writeCached } from '../clang/content-cache';
import type { FileMemo } from '../clang/file-memo';
import type { ProbeResult } from '../clang/probe-compile';
import { hasErrors } from '../../core/diagnostics/issue';
import { ABIS, findAbi, type Abi } from '../../core/layout/abi';
import type { Spec } from '../../core/model/model';
import { runPendingImports } from './import-batch';
import { reportStep } from '../../core/util/work-progress';
import { prepareImport, valueTargetsKey, type ImportResult, type PendingImport, type PreparedImport } from './prepared-import';
import { specsEqual } from './spec-equality';
import { factsEqual, type HeaderFacts } from './header-facts';
import { groupVariants, runGroupedProbes, VARIANT_ABIS, type SpecVariant, type VariantGroups } from './target-variants';
import { targetWarning } from './target-warning';
import { valueClassKey } from './value-dependence';

/** Takes consecutive slices of `all`, one per length in `lengths`. */
function slices<T>(all: readonly T[], lengths: readonly number[]): T[][] {
  let at = 0;
  return lengths.map((n) => all.slice(at, (at += n)));
}

const order = (names: readonly string[]): string[] => ABIS.flatMap((a) => (names.includes(a.name) ? [a.name] : []));

/**
 * Splits the groups of ABIs that preprocess a header alike further by what its values depend on
 * (value-dependence.ts): ABIs stay together only where every such value is the same.
 */
function refine(groups: VariantGroups, base: ImportResult): VariantGroups {
  const deps = base.valueHint?.dependences;
  if (deps === undefined) return groups;
  const byAbi = new Map(VARIANT_ABIS.map((a) => [a.name, a]));
  const out: string[][] = [];
  for (const g of groups.groups) {
    const byKey = new Map<string, string[]>();
    for (const n of g) {
      const k = valueClassKey(deps, byAbi.get(n) as Abi);
      byKey.set(k, [...(byKey.get(k) ?? []), n]);
    }
    out.push(...byKey.values());
  }
  return { groups: out.sort((a, b) => Number(b.includes('x86_64')) - Number(a.includes('x86_64'))), failed: groups.failed };
}

/**
 * The variants of target-dependent headers whose x86_64 import is done. A header whose text depends on
 * the target (target-scan.ts) is preprocessed once per class of ABIs (target-variants.ts), all
 * headers' probes for one ABI in one clang process, and ABIs with the same relevant text form a group;
 * a header whose values depend on the target (value-dependence.ts) splits those groups (or all ABIs)
 * by what the values depend on. Each group other than x86_64's is imported for its first ABI, through
 * the batched two-pass import as the x86_64 ones are (import-batch.ts), and groups whose specs come
 * out the same are joined. The result, with the {@link targetWarning}, is cached as a whole.
 */
export async function completeTargets(tool: ClangTool, items: readonly { p: PendingImport; base: ImportResult }[], memo: FileMemo): Promise<ImportResult[]> {
  const live = items.filter((it) => it.base.spec !== undefined && !hasErrors(it.base.issues));
  const plans = live.map((it) => it.p.targets?.preprocess);
  const probes = plans.map((pl) => pl?.probes ?? []);
  live.forEach((it, i) => { if ((probes[i] ?? []).length > 0) reportStep(it.p.display, `preprocessing for ${(probes[i] ?? []).length} classes of ABIs`); });
  const runs = slices(await runGroupedProbes(tool, probes.flat()), probes.map((p) => p.length));
  const found = live.map((it, i) => {
    const plan = plans[i];
    const text: VariantGroups = plan !== undefined ? groupVariants(plan, runs[i] as ProbeResult[]) : { groups: [VARIANT_ABIS.map((a) => a.name)], failed: new Map() };
    return refine(text, it.base);
  });
  const imports = live.map((it, i) => (found[i] as VariantGroups).groups.filter((g) => !g.includes('x86_64'))
    .map((g) => prepareImport(it.p.file, it.p.options, tool, memo, findAbi(g[0] as string) as Abi)));
  const waiting = imports.flat().flatMap((q) => (q.done === undefined ? [q] : []));
  live.forEach((it, i) => {
    const abis = (imports[i] ?? []).flatMap((q) => (q.done === undefined ? [q.prepared.request.abi.name] : []));
    if (abis.length > 0) reportStep(it.p.display, `clang ${abis.join(', ')}`);
  });
  const results = await runPendingImports(tool, waiting, memo, 2);

  const whole = new Map<PendingImport, ImportResult>();
  live.forEach((it, i) => {
    const groups = found[i] as VariantGroups;
    const failed = new Map(groups.failed);
    const baseSpec = it.base.spec as Spec;
    const variants: { abis: string[]; spec: Spec; facts?: HeaderFacts }[] = [];
    const baseFacts = it.base.facts;
    const x86: string[] = [...(groups.groups.find((g) => g.includes('x86_64')) ?? ['x86_64'])];
    groups.groups.filter((g) => !g.includes('x86_64')).forEach((g, k) => {
      const q = (imports[i] as PreparedImport[])[k] as PreparedImport;
      const r = q.done ?? (results.get(q) as ImportResult);
      if (r.spec === undefined || hasErrors(r.issues)) {
        for (const a of g) failed.set(a, r.issues.find((x) => x.severity === 'error')?.message ?? 'no spec');
        return;
      }
      // Groups that see the same declarations, values and included definitions are one variant
      // (x86_64's when they equal it).
      const likeBase = specsEqual(r.spec, baseSpec) && factsEqual(r.facts, baseFacts);
      const same = likeBase ? undefined : variants.find((v) => specsEqual(v.spec, r.spec as Spec) && factsEqual(v.facts, r.facts));
      if (likeBase) x86.push(...g);
      else if (same !== undefined) same.abis.push(...g);
      else variants.push({ abis: [...g], spec: r.spec, ...(r.facts !== undefined ? { facts: r.facts } : {}) });
    });
    const targets = it.p.targets;
    const key = targets?.key ?? valueTargetsKey(it.p.key);
    const result: ImportResult = variants.length === 0 && failed.size === 0 && targets?.hint.hostOnlyAsm === undefined ? it.base : {
      spec: baseSpec,
      issues: [...it.base.issues, targetWarning(it.p.display, { hint: targets?.hint, values: it.base.valueHint }, order(variants.flatMap((v) => v.abis)), failed)],
      ...(baseFacts !== undefined ? { facts: baseFacts } : {}),
      ...(variants.length > 0 || failed.size > 0 ? { variants: [{ abis: order([...x86, ...failed.keys()]), spec: baseSpec, ...(baseFacts !== undefined ? { facts: baseFacts } : {}) }, ...variants.map((v): SpecVariant => ({ abis: order(v.abis), spec: v.spec, ...(v.facts !== undefined ? { facts: v.facts } : {}) }))] } : {}),
    };
    writeCached('import-targets', key, result);
    whole.set(it.p, result);
  });
  return items.map((it) => whole.get(it.p) ?? it.base);
}
