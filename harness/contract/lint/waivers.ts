import type { RecordDecl } from '../../core/model/model';
import { expiredText, expiryProblem, hasExpired, todayUtc } from '../../core/model/waiver-expiry';
import type { Finding } from './finding';
import type { LintRule } from './rule';
import { findLintRule, LINT_RULES } from './rules';

/** `S1 ... S15`: the ids a waiver may name, for messages. */
const ruleRange = (): string => `${LINT_RULES[0]?.id ?? ''} ... ${LINT_RULES[LINT_RULES.length - 1]?.id ?? ''}`;

/** Rule id under which problems with the waivers themselves are reported. */
export const WAIVER_RULE = 'waivers';

/** A finding as a rule produced it, before waivers are applied. */
export interface OwnedFinding {
  readonly finding: Finding;
  readonly owner: string | undefined;
}

/**
 * Marks the findings that a record's `lintWaivers` accept (they stay in the list, marked waived with
 * the reason), and reports waivers that name no rule or give no reason, and, when `reportUnused`
 * (the run covered every rule's full input), waivers that accept nothing. A waiver past its `expires`
 * date accepts nothing and is an error.
 */
export function applyWaivers(
  records: readonly RecordDecl[],
  found: readonly OwnedFinding[],
  ran: readonly LintRule[],
  reportUnused: boolean,
  today: string = todayUtc(),
): { findings: Finding[]; problems: Finding[] } {
  const problems: Finding[] = [];
  const waivers = new Map<string, Map<string, string>>();
  for (const r of records) {
    if (r.name === undefined || r.lintWaivers === undefined) continue;
    const subject = `${r.kind} ${r.name}`;
    const loc = r.loc !== undefined ? { loc: r.loc } : {};
    const byRule = new Map<string, string>();
    for (const w of r.lintWaivers) {
      const rule = findLintRule(w.rule);
      if (rule === undefined) {
        problems.push({ rule: WAIVER_RULE, severity: 'error', subject, message: `waiver names no lint rule: \`${w.rule}\` (rules are ${ruleRange()})`, ...loc });
        continue;
      }
      if (w.reason.trim() === '') {
        problems.push({ rule: WAIVER_RULE, severity: 'error', subject, message: `waiver of ${rule.id} gives no reason: a reviewer must be able to read why the rule does not apply`, ...loc });
        continue;
      }
      const dateProblem = w.expires !== undefined ? expiryProblem(w.expires) : undefined;
      if (dateProblem !== undefined) {
        problems.push({ rule: WAIVER_RULE, severity: 'error', subject, message: `waiver of ${rule.id}: ${dateProblem}`, ...loc });
        continue;
      }
      if (hasExpired(w.expires, today)) {
        // The findings it accepted count again, and the waiver itself fails lint until it is renewed or removed.
        problems.push({ rule: WAIVER_RULE, severity: 'error', subject, message: `waiver of ${rule.id} ${expiredText(w)}: fix the finding, or renew the waiver with a new expires date after review`, ...loc });
        continue;
      }
      byRule.set(rule.id, w.reason);
    }
    waivers.set(r.name, byRule);
  }
  const used = new Set<string>();
  const findings = found.map(({ finding, owner }): Finding => {
    const reason = owner !== undefined ? waivers.get(owner)?.get(finding.rule) : undefined;
    if (reason === undefined) return finding;
    used.add(`${owner ?? ''}\u0000${finding.rule}`);
    return { ...finding, waived: true, reason };
  });
  const ranIds = new Set(ran.map((r) => r.id));
  for (const r of reportUnused ? records : []) {
    const byRule = r.name !== undefined ? waivers.get(r.name) : undefined;
    if (byRule === undefined) continue;
    for (const id of byRule.keys()) {
      if (!ranIds.has(id) || used.has(`${r.name ?? ''}\u0000${id}`)) continue;
      problems.push({
        rule: WAIVER_RULE,
        severity: 'info',
        subject: `${r.kind} ${r.name ?? ''}`,
        message: `waiver of ${id} accepts no finding: remove it, so that a later violation is not hidden`,
        ...(r.loc !== undefined ? { loc: r.loc } : {}),
      });
    }
  }
  return { findings, problems };
}
