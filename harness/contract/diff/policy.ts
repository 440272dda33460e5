// Single functions, not the whole package: the `uapi diff` start-up reads fewer modules.
import semverGt = require('semver/functions/gt');
import semverMajor = require('semver/functions/major');
import semverMinor = require('semver/functions/minor');
import semverValid = require('semver/functions/valid');
import { BREAKING_LEVELS, type Change, type Verdict } from './change';
import { SEMVER_BUMP_REQUIRED } from './rules';

export type PolicyName = 'kernel' | 'semver';
export const POLICIES: readonly PolicyName[] = ['kernel', 'semver'];

const counts = (c: Change): boolean => c.waived !== true && c.allowedByPolicy !== true;

/** Whether a change makes the verdict breaking: a proven break, or with `strict` a hazard too. */
export function breaksVerdict(c: Change, strict = false): boolean {
  return BREAKING_LEVELS.has(c.level) || (strict && c.level === 'hazard');
}

/** Hazards that still count: neither waived nor allowed by the policy. */
export function liveHazards(changes: readonly Change[]): number {
  return changes.filter((c) => counts(c) && c.level === 'hazard').length;
}

/** The verdict over changes that are neither waived nor allowed by the policy. */
export function verdictOf(changes: readonly Change[], strict = false): Verdict {
  const live = changes.filter(counts);
  if (live.some((c) => breaksVerdict(c, strict))) return 'breaking';
  if (live.some((c) => c.level === 'source-break')) return 'source-breaking';
  return changes.length === 0 ? 'identical' : 'compatible';
}

/** A major bump as semver means it (for 0.y.z, a minor bump is the major one). */
function isMajorBump(oldV: string, newV: string): boolean {
  if (!semverGt(newV, oldV)) return false;
  return semverMajor(newV) > semverMajor(oldV) || (semverMajor(oldV) === 0 && semverMinor(newV) > semverMinor(oldV));
}

function isMinorOrMoreBump(oldV: string, newV: string): boolean {
  return semverGt(newV, oldV) && (semverMajor(newV) > semverMajor(oldV) || semverMinor(newV) > semverMinor(oldV));
}

/**
 * `kernel`: no breaking change is ever allowed; versions do not matter. `semver`: breaking changes
 * are allowed with a major bump, additions and source breaks need at least a minor bump; a missing
 * bump is itself a change (SEMVER_BUMP_REQUIRED).
 */
export function applyPolicy(changes: readonly Change[], policy: PolicyName, oldVersion: string, newVersion: string, abis: readonly string[], strict = false): Change[] {
  if (policy === 'kernel') return [...changes];
  const live = changes.filter((c) => c.waived !== true);
  const breaking = live.some((c) => breaksVerdict(c, strict));
  // A hazard that does not fail the gate still changes the interface: it needs a minor bump at least.
  const additive = live.some((c) => c.level === 'compatible' || c.level === 'source-break' || c.level === 'hazard');
  const major = semverValid(oldVersion) !== null && semverValid(newVersion) !== null && isMajorBump(oldVersion, newVersion);
  const minor = semverValid(oldVersion) !== null && semverValid(newVersion) !== null && isMinorOrMoreBump(oldVersion, newVersion);
  const out = changes.map((c) => (major && breaksVerdict(c, strict) ? { ...c, allowedByPolicy: true } : c));
  const bump = (need: string): Change => ({
    rule: SEMVER_BUMP_REQUIRED.id, level: SEMVER_BUMP_REQUIRED.level, subject: 'version', abis,
    old: oldVersion, new: newVersion,
    message: `${need} version bump required by the semver policy: ${oldVersion} -> ${newVersion} is not enough`,
  });
  if (breaking && !major) out.push(bump('a major'));
  else if (additive && !minor) out.push(bump('a minor'));
  return out;
}
