import type { SourceLoc } from '../../core/model/model';
import type { LintContext } from './context';
import type { LintSeverity } from './finding';

/** What a rule's check returns; the runner adds the rule id, the default severity and waivers. */
export interface RuleFinding {
  readonly subject: string;
  readonly message: string;
  readonly loc?: SourceLoc;
  readonly abis?: readonly string[];
  /** Overrides the rule's default severity for this finding (a rule may grade its findings). */
  readonly severity?: LintSeverity;
  /** The top-level struct or union whose `lintWaivers` can accept this finding. */
  readonly owner?: string;
}

/**
 * A static uAPI rule, in the manner of an eslint rule: a stable id that never changes meaning, a
 * short name, a one-line purpose, a default severity, and a pure check over the spec and its layouts.
 */
export interface LintRule {
  /** `S1` ... `S15`. */
  readonly id: string;
  /** `fixed-width-types`; `S1/fixed-width-types` is how users see the rule. */
  readonly name: string;
  readonly severity: LintSeverity;
  readonly purpose: string;
  check(ctx: LintContext): readonly RuleFinding[];
}

/** `S1/fixed-width-types`. */
export function ruleLabel(r: Pick<LintRule, 'id' | 'name'>): string {
  return `${r.id}/${r.name}`;
}
