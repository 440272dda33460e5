import { REGISTERED_CHANGE_RULES, REGISTERED_WAIVER_RULES } from '../contract/diff';
import { REGISTERED_LINT_RULES } from '../contract/lint/registered-rules';
import { REGISTERED_PROPERTY_RULES } from '../conformance/pbt/rules';
import { ruleRegistry, type RuleRegistry } from '../core/rules/registered-rule';
import { REGISTERED_BINARY_RULES } from './binary-step';
import { REGISTERED_GOLDEN_RULES } from './goldens-step';
import { REGISTERED_TRACE_RULES } from './trace-step';

/**
 * Every rule a report of this tool can name, with its level and purpose: the change rules, the lint
 * rules, the behaviour rules the properties check, and the gate's own checks. Each is declared in
 * the layer that checks it; the gate is the first layer that sees them all.
 */
export const RULE_REGISTRY: RuleRegistry = ruleRegistry(
  REGISTERED_CHANGE_RULES,
  REGISTERED_LINT_RULES,
  REGISTERED_PROPERTY_RULES,
  REGISTERED_WAIVER_RULES,
  REGISTERED_GOLDEN_RULES,
  REGISTERED_TRACE_RULES,
  REGISTERED_BINARY_RULES,
);

/** The one-line purpose of a rule as report items name it (`FIELD_MOVED`, `S8/64-bit-time`, `D1/nonzero-pad-rejected`). */
export function rulePurpose(rule: string): string | undefined {
  return RULE_REGISTRY.get(rule)?.purpose;
}
