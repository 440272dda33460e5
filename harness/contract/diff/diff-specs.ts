import type { HeaderFacts } from '../../frontend/import/header-facts';
import { factsForAbi, type SpecVariant } from '../../frontend/import/target-variants';
import type { Abi } from '../../core/layout/abi';
import type { Spec } from '../../core/model/model';
import { LEVELS, type Change, type DiffResult } from './change';
import { archSpecificRemovals } from './arch-specific';
import { compareAnnotations } from './compare-annotations';
import { compareConstants } from './compare-constants';
import { compareEnums } from './compare-enums';
import { compareIoctls } from './compare-ioctls';
import { compareTypeNames } from './compare-names';
import { compareRecords } from './compare-records';
import { sideContext, type SideContext } from './context';
import { defaultOverrides } from './default-overrides';
import { compareDivergence } from './divergence';
import { includedOn, movedDefinitions, type FactsOf } from './moved-definitions';
import { retiredRemovals } from './retired-removals';
import { unservedRemovals } from './unserved-removals';
import type { SourceReferences } from '../../frontend/tree/source-references';
import { applyPolicy, liveHazards, verdictOf, type PolicyName } from './policy';
import { ChangeSink } from './sink';
import { applyWaivers, type Waiver } from './waivers';

export interface DiffSide {
  readonly spec: Spec;
  /** How the user named it (shown in reports). */
  readonly label: string;
  /** A bare C header: no annotations, so DRM conventions and names stand in for them. */
  readonly headerMode: boolean;
  /** A target-dependent header's spec per group of ABIs (see load-uapi.ts); `spec` is x86_64's. */
  readonly variants?: readonly SpecVariant[];
  /** A header's facts beyond its spec (x86_64's; each variant carries its own): moves, retirements, fallbacks. */
  readonly facts?: HeaderFacts;
}

export interface DiffOptions {
  readonly abis: readonly Abi[];
  readonly policy?: PolicyName;
  readonly waivers?: readonly Waiver[];
  /** Hazards fail the verdict too (`uapi diff --strict`). */
  readonly strict?: boolean;
  /** The old revision's kernel sources (`--old-tree`, check-tree's past ref): whether a removed ioctl still had a handler. */
  readonly oldSources?: SourceReferences;
}

const levelRank = new Map(LEVELS.map((l, i) => [l, i]));

/** Most severe first, then by subject, so reports read top-down and are stable. */
function ordered(changes: Change[]): Change[] {
  return changes.sort((a, b) =>
    (levelRank.get(a.level) ?? 9) - (levelRank.get(b.level) ?? 9) || a.subject.localeCompare(b.subject) || a.rule.localeCompare(b.rule));
}

/**
 * Compares two versions of a uAPI on every given ABI and classifies each change by rule; a side with
 * variants is compared on each ABI through that ABI's spec. Pure: the same inputs give the same
 * result, in the same order.
 */
export function diffSpecs(oldSide: DiffSide, newSide: DiffSide, options: DiffOptions): DiffResult & { unusedWaivers: readonly Waiver[] } {
  const abiNames = options.abis.map((a) => a.name);
  const sink = new ChangeSink();
  const contexts = new Map<Spec, SideContext>();
  const contextOf = (side: DiffSide, abi: string): SideContext => {
    const spec = side.variants?.find((v) => v.abis.includes(abi))?.spec ?? side.spec;
    let ctx = contexts.get(spec);
    if (ctx === undefined) {
      ctx = sideContext(spec, side.headerMode);
      contexts.set(spec, ctx);
    }
    return ctx;
  };
  // ABIs whose old and new specs are the same pair are compared together; a header without variants
  // is one such group. The sink merges a change found in several groups into one entry.
  const groups = new Map<string, { oldCtx: SideContext; newCtx: SideContext; abis: Abi[] }>();
  const ids = new Map<SideContext, number>();
  const idOf = (c: SideContext): number => ids.get(c) ?? (ids.set(c, ids.size), ids.size - 1);
  for (const abi of options.abis) {
    const oldCtx = contextOf(oldSide, abi.name);
    const newCtx = contextOf(newSide, abi.name);
    const k = `${idOf(oldCtx)}:${idOf(newCtx)}`;
    const g = groups.get(k);
    if (g === undefined) groups.set(k, { oldCtx, newCtx, abis: [abi] });
    else g.abis.push(abi);
  }
  // No ABI at all still compares what does not depend on one (names, enums, constants).
  if (groups.size === 0) groups.set('none', { oldCtx: contextOf(oldSide, ''), newCtx: contextOf(newSide, ''), abis: [] });
  for (const { oldCtx, newCtx, abis } of groups.values()) {
    const names = abis.map((a) => a.name);
    compareTypeNames(oldCtx, newCtx, names, sink);
    for (const abi of abis) {
      compareRecords(oldCtx, newCtx, abi, sink);
      compareIoctls(oldCtx, newCtx, abi, sink);
    }
    compareEnums(oldCtx, newCtx, names, sink);
    compareConstants(oldCtx, newCtx, names, sink);
    compareAnnotations(oldCtx, newCtx, names, sink);
  }
  compareDivergence((abi) => contextOf(oldSide, abi), (abi) => contextOf(newSide, abi), abiNames, sink);
  const rank = new Map(abiNames.map((n, i) => [n, i]));
  const sorted = groups.size === 1 ? sink.changes() : sink.changes().map((c) => ({ ...c, abis: [...c.abis].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0)) }));
  const oldFacts: FactsOf = (abi) => factsForAbi(oldSide.facts, oldSide.variants, abi);
  const newFacts: FactsOf = (abi) => factsForAbi(newSide.facts, newSide.variants, abi);
  // What a header's text and the headers it includes show about removals and changed values.
  const moved = movedDefinitions(sorted, oldFacts, newFacts);
  const placed = groups.size === 1 ? moved : archSpecificRemovals(moved, abiNames, (abi) => contextOf(newSide, abi).spec, includedOn(newFacts));
  const oldIoctls = [...new Set([oldSide.spec, ...(oldSide.variants ?? []).map((v) => v.spec)].flatMap((s) => s.ioctls.map((i) => i.name)))];
  const served = unservedRemovals(retiredRemovals(placed, oldFacts), oldIoctls, options.oldSources);
  const found = defaultOverrides(served, oldFacts, newFacts);
  const waived = applyWaivers(found, options.waivers ?? []);
  const policy = options.policy ?? 'kernel';
  const strict = options.strict ?? false;
  const changes = ordered(applyPolicy(waived.changes, policy, oldSide.spec.version, newSide.spec.version, abiNames, strict));
  return { verdict: verdictOf(changes, strict), hazards: liveHazards(changes), strict, old: oldSide.label, new: newSide.label, policy, abis: abiNames, changes, unusedWaivers: waived.unused };
}
