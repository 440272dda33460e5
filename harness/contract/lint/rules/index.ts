import type { LintRule } from '../rule';
import { s1FixedWidthTypes } from './s1-fixed-width-types';
import { s2NoImplicitPadding } from './s2-no-implicit-padding';
import { s3SizeMultipleOf8 } from './s3-size-multiple-of-8';
import { s4UserPointersAsU64 } from './s4-user-pointers-as-u64';
import { s5SameLayout32And64 } from './s5-same-layout-32-64';
import { s6NoBitfieldsOrEnums } from './s6-no-bitfields-or-enums';
import { s7SizeMultipleOf4 } from './s7-size-multiple-of-4';
import { s8SixtyFourBitTime } from './s8-64-bit-time';
import { s9IoctlMacroUse } from './s9-ioctl-macro-use';
import { s10DrmCommandRange } from './s10-drm-command-range';
import { s11NoDrmFlexibleArray } from './s11-no-drm-flexible-array';
import { s12NoReversionedCommands } from './s12-no-reversioned-commands';
import { s13HeaderHygiene } from './s13-header-hygiene';
import { s14NoEmptyRecords } from './s14-no-empty-records';
import { s15FlexibleArrayLast } from './s15-flexible-array-last';

/** Every lint rule in id order: the order findings are reported in. Ids never change meaning. */
export const LINT_RULES: readonly LintRule[] = [
  s1FixedWidthTypes, s2NoImplicitPadding, s3SizeMultipleOf8, s4UserPointersAsU64, s5SameLayout32And64,
  s6NoBitfieldsOrEnums, s7SizeMultipleOf4, s8SixtyFourBitTime, s9IoctlMacroUse, s10DrmCommandRange,
  s11NoDrmFlexibleArray, s12NoReversionedCommands, s13HeaderHygiene, s14NoEmptyRecords, s15FlexibleArrayLast,
];

/** The rules keyed by id (`S1`). */
export const LINT_RULES_BY_ID: Readonly<Record<string, LintRule>> = Object.fromEntries(LINT_RULES.map((r) => [r.id, r]));

/** The rule a user names as `S2`, `s2`, `S2/no-implicit-padding` or `no-implicit-padding`. */
export function findLintRule(name: string): LintRule | undefined {
  const n = name.trim().toLowerCase();
  return LINT_RULES.find((r) => r.id.toLowerCase() === n || r.name === n || `${r.id}/${r.name}`.toLowerCase() === n);
}
