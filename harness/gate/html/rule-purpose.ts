import { RULES } from '../../contract/diff/rules';
import { findLintRule } from '../../contract/lint/rules';

/** The one-line purpose of a diff or lint rule as items name it (`FIELD_MOVED`, `S8/64-bit-time`). */
export function rulePurpose(rule: string): string | undefined {
  return RULES[rule]?.purpose ?? findLintRule(rule)?.purpose;
}
