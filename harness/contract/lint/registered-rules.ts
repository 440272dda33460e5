import type { RegisteredRule } from '../../core/rules/registered-rule';
import { ruleLabel } from './rule';
import { LINT_RULES } from './rules';
import { WAIVER_RULE } from './waivers';

/**
 * The lint rules as the rule registry lists them, under the names reports give them
 * (`S2/no-implicit-padding`), and the `waivers` pseudo-rule under which problems with the
 * `lintWaivers` themselves are reported.
 */
export const REGISTERED_LINT_RULES: readonly RegisteredRule[] = [
  ...LINT_RULES.map((r): RegisteredRule => ({ id: ruleLabel(r), family: 'lint', level: r.severity, severity: r.severity, purpose: r.purpose })),
  {
    id: WAIVER_RULE, family: 'lint', level: 'error', severity: 'error',
    purpose: 'every lintWaivers entry names a lint rule, gives a reason, carries a valid expires date that has not passed, and accepts a finding',
  },
];
