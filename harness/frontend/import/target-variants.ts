import type { ClangTool } from '../clang/clang-tool';
import type { FileMemo } from '../clang/file-memo';
import { includeLine, prepareProbe, runProbes, type PreparedProbe, type ProbeResult } from '../clang/probe-compile';
import { findAbi, type Abi } from '../../core/layout/abi';
import type { Spec } from '../../core/model/model';
import type { HeaderFacts } from './header-facts';
import { headerErrorsOf } from './import-passes';
import { VARIANT_ABIS } from './variant-abis';
import { abiClassKey } from '../clang/target-macros';
import { isFoundationFile, type TargetHint } from './target-scan';

/** The spec one group of ABIs sees of a target-dependent header (their preprocessed text is the same). */
export interface SpecVariant {
  /** ABI names, in the order of layout/abi.ts. */
  readonly abis: readonly string[];
  readonly spec: Spec;
  /** What this group's translation unit tells beyond the spec (its included asm/ headers' definitions). */
  readonly facts?: HeaderFacts;
}

/** The facts of `abi`: its variant's when the header has variants, else the import's. */
export function factsForAbi(facts: HeaderFacts | undefined, variants: readonly SpecVariant[] | undefined, abi: string): HeaderFacts | undefined {
  const v = variants?.find((x) => x.abis.includes(abi));
  return v !== undefined ? v.facts : facts;
}

/** The spec of `abi`: its variant's when the header has variants, else the one spec. */
export function specForAbi(spec: Spec, variants: readonly SpecVariant[] | undefined, abi: string): Spec {
  return variants?.find((v) => v.abis.includes(abi))?.spec ?? spec;
}

export { VARIANT_ABIS } from './variant-abis';

/** The preprocessing probes of a target-dependent header: one per class of ABIs, and each class's ABI names. */
export interface PreprocessPlan {
  readonly probes: readonly PreparedProbe[];
  /** ABI names per probe: the probe's own ABI first, then those that are sure to preprocess alike. */
  readonly classes: readonly (readonly string[])[];
}

/**
 * The ABIs in classes: on the ABIs of a class every target macro the header's conditionals name is
 * defined alike (target-macros.ts), so the header preprocesses alike; a per-target `#include` or an
 * architecture name makes every ABI its own class. Each class starts with its first ABI in table order.
 */
export function abiClasses(hint: TargetHint): string[][] {
  const classes = new Map<string, string[]>();
  for (const abi of VARIANT_ABIS) {
    const key = hint.perTargetInclude ? abi.name : abiClassKey(hint.macros, abi);
    classes.set(key, [...(classes.get(key) ?? []), abi.name]);
  }
  return [...classes.values()];
}

/** Probes that preprocess the header alone, keeping macro definitions, for the first ABI of each class. */
export function preprocessProbes(header: string, classes: readonly (readonly string[])[], includeDirs: readonly string[], resourceIncludeDir: string | undefined, memo?: FileMemo): PreprocessPlan {
  const probes = classes.map((c) => prepareProbe({ abi: findAbi(c[0] as string) as Abi, body: `${includeLine(header)}\n`, includeDirs, args: ['-E', '-dD'], resourceIncludeDir }, memo));
  return { probes, classes };
}

const LINE_MARKER = /^# \d+ "((?:[^"\\]|\\.)*)"((?: \d+)*)$/;

/**
 * The part of `clang -E -dD` output a header's spec depends on: the lines that come from the header
 * and the files it includes, without the foundation headers and whatever they include (their
 * per-target content is what the model has per ABI: mips' asm/bitsperlong.h pulls in asm/sgidefs.h),
 * clang's predefined macros, line markers and blank lines.
 */
export function relevantText(preprocessed: string, probe: PreparedProbe): string {
  const setup = { searchDirs: probe.searchDirs, resourceIncludeDir: probe.request.resourceIncludeDir };
  const kept: string[] = [];
  const verdicts = new Map<string, boolean>();
  const foundation = (file: string): boolean => {
    let v = verdicts.get(file);
    if (v === undefined) {
      v = isFoundationFile(file, setup);
      verdicts.set(file, v);
    }
    return v;
  };
  // The include stack as the markers tell it (flag 1: entering a file, 2: back in one), with whether
  // each entry is a foundation header or included from one; `<built-in>` and the probe itself have no
  // lines of interest.
  const stack: { file: string; skip: boolean; own: boolean }[] = [];
  for (const line of preprocessed.split('\n')) {
    const marker = LINE_MARKER.exec(line);
    if (marker !== null) {
      const file = (marker[1] as string).replace(/\\(.)/g, '$1');
      const flags = (marker[2] as string).trim().split(' ');
      if (flags.includes('2')) {
        while (stack.length > 0 && (stack[stack.length - 1] as { file: string }).file !== file) stack.pop();
      }
      if (flags.includes('1') || stack.length === 0) {
        stack.push({ file, skip: foundation(file) || (stack[stack.length - 1]?.skip ?? false), own: !file.startsWith('<') });
      }
      continue;
    }
    const top = stack[stack.length - 1];
    if (top !== undefined && top.own && !top.skip && line.trim() !== '') kept.push(line.trim());
  }
  return kept.join('\n');
}

/** What preprocessing a header on every ABI shows: groups of ABIs with the same text, and ABIs it fails on. */
export interface VariantGroups {
  /** ABI names per group, x86_64's group first, each in the order of layout/abi.ts. */
  readonly groups: readonly (readonly string[])[];
  /** ABIs the header does not preprocess for, with clang's first error. */
  readonly failed: ReadonlyMap<string, string>;
}

/** Groups ABIs by the relevant text of their class's preprocessed header (see {@link relevantText}). */
export function groupVariants(plan: PreprocessPlan, results: readonly ProbeResult[]): VariantGroups {
  const byText = new Map<string, string[]>();
  const failed = new Map<string, string>();
  plan.probes.forEach((p, i) => {
    const r = results[i] as ProbeResult;
    const abis = plan.classes[i] as readonly string[];
    const errors = headerErrorsOf(r.diagnostics);
    if (r.run.exitCode !== 0 || errors.length > 0) {
      const e = errors[0];
      const why = e !== undefined ? `${e.loc !== undefined ? `${e.loc.file}:${e.loc.line}:${e.loc.col}: ` : ''}${e.message}` : `clang exit ${r.run.exitCode}`;
      for (const a of abis) failed.set(a, why);
      return;
    }
    const text = relevantText(r.run.stdout, p);
    byText.set(text, [...(byText.get(text) ?? []), ...abis]);
  });
  const order = (names: readonly string[]): string[] => VARIANT_ABIS.flatMap((a) => (names.includes(a.name) ? [a.name] : []));
  const groups = [...byText.values()].map(order).sort((a, b) => Number(b.includes('x86_64')) - Number(a.includes('x86_64')));
  return { groups, failed };
}

/**
 * Runs many probes that may differ in ABI and folders: those that share them go to clang together
 * (one process for many where the tool can), two such groups at a time. Results in input order.
 */
export async function runGroupedProbes(tool: ClangTool, probes: readonly PreparedProbe[]): Promise<ProbeResult[]> {
  const groups = new Map<string, number[]>();
  probes.forEach((p, i) => {
    const k = JSON.stringify([p.request.abi.name, p.searchDirs, p.request.args]);
    groups.set(k, [...(groups.get(k) ?? []), i]);
  });
  const out = new Array<ProbeResult>(probes.length);
  const queue = [...groups.values()];
  const worker = async (): Promise<void> => {
    for (let g = queue.shift(); g !== undefined; g = queue.shift()) {
      const results = await runProbes(tool, g.map((i) => probes[i] as PreparedProbe));
      g.forEach((i, k) => { out[i] = results[k] as ProbeResult; });
    }
  };
  await Promise.all([worker(), worker()]);
  return out;
}
