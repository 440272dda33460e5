import type { Abi } from '../layout/abi';
import type { Spec } from '../spec/model';
import { LEVELS, type Change, type DiffResult } from './change';
import { compareAnnotations } from './compare-annotations';
import { compareConstants } from './compare-constants';
import { compareEnums } from './compare-enums';
import { compareIoctls } from './compare-ioctls';
import { compareTypeNames } from './compare-names';
import { compareRecords } from './compare-records';
import { sideContext } from './context';
import { compareDivergence } from './divergence';
import { applyPolicy, verdictOf, type PolicyName } from './policy';
import { ChangeSink } from './sink';
import { applyWaivers, type Waiver } from './waivers';

export interface DiffSide {
  readonly spec: Spec;
  /** How the user named it (shown in reports). */
  readonly label: string;
  /** A bare C header: no annotations, so DRM conventions and names stand in for them. */
  readonly headerMode: boolean;
}

export interface DiffOptions {
  readonly abis: readonly Abi[];
  readonly policy?: PolicyName;
  readonly waivers?: readonly Waiver[];
}

const levelRank = new Map(LEVELS.map((l, i) => [l, i]));

/** Most severe first, then by subject, so reports read top-down and are stable. */
function ordered(changes: Change[]): Change[] {
  return changes.sort((a, b) =>
    (levelRank.get(a.level) ?? 9) - (levelRank.get(b.level) ?? 9) || a.subject.localeCompare(b.subject) || a.rule.localeCompare(b.rule));
}

/**
 * Compares two versions of a uAPI on every given ABI and classifies each change by rule. Pure: the
 * same inputs give the same result, in the same order.
 */
export function diffSpecs(oldSide: DiffSide, newSide: DiffSide, options: DiffOptions): DiffResult & { unusedWaivers: readonly Waiver[] } {
  const oldCtx = sideContext(oldSide.spec, oldSide.headerMode);
  const newCtx = sideContext(newSide.spec, newSide.headerMode);
  const abiNames = options.abis.map((a) => a.name);
  const sink = new ChangeSink();
  compareTypeNames(oldCtx, newCtx, abiNames, sink);
  for (const abi of options.abis) {
    compareRecords(oldCtx, newCtx, abi, sink);
    compareIoctls(oldCtx, newCtx, abi, sink);
  }
  compareEnums(oldCtx, newCtx, abiNames, sink);
  compareConstants(oldCtx, newCtx, abiNames, sink);
  compareAnnotations(oldCtx, newCtx, abiNames, sink);
  compareDivergence(oldCtx, newCtx, abiNames, sink);
  const waived = applyWaivers(sink.changes(), options.waivers ?? []);
  const policy = options.policy ?? 'kernel';
  const changes = ordered(applyPolicy(waived.changes, policy, oldSide.spec.version, newSide.spec.version, abiNames));
  return { verdict: verdictOf(changes), old: oldSide.label, new: newSide.label, policy, abis: abiNames, changes, unusedWaivers: waived.unused };
}
