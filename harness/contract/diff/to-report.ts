import type { Report, ReportItem, ReportLevel } from '../../report/report';
import type { Change, DiffResult } from './change';
import { breaksVerdict } from './policy';
import { changeSeverity } from './rule';
import { CHANGE_RULE_LIST, REGISTERED_CHANGE_RULES } from './rules';

// A change that would break but is allowed by the policy (or waived) is no error; with `--strict` a
// hazard is one.
function reportLevel(c: Change, strict: boolean): ReportLevel {
  if (breaksVerdict(c, strict) && c.allowedByPolicy !== true) return 'error';
  const severity = changeSeverity(c.level);
  return severity === 'error' ? 'info' : severity;
}

/** One change as a report item; `allAbis` are the ABIs compared (an item lists its own only when fewer). */
export function changeItem(c: Change, allAbis: readonly string[], subjectPrefix = '', strict = false): ReportItem {
  const partial = c.abis.length > 0 && c.abis.length < allAbis.length;
  const note = c.allowedByPolicy === true ? ' (allowed by the semver policy: major version bump)' : '';
  return {
    rule: c.rule,
    level: reportLevel(c, strict),
    label: c.level,
    subject: `${subjectPrefix}${c.subject}`,
    message: `${c.message}${note}`,
    ...(c.location !== undefined ? { location: c.location } : {}),
    ...(partial ? { abis: c.abis } : {}),
    ...(c.waived === true ? { waived: c.reason ?? 'accepted' } : {}),
  };
}

/** A diff as the shared report writers (text, markdown, junit, github, sarif) take it. */
export function diffReport(result: DiffResult): Report {
  const items = result.changes.map((c) => changeItem(c, result.abis, '', result.strict));
  return {
    title: `uapi diff ${result.old} -> ${result.new}`,
    verdict: result.verdict,
    failed: result.verdict === 'breaking',
    items,
    checks: CHANGE_RULE_LIST.map((r) => r.id),
    rules: REGISTERED_CHANGE_RULES,
  };
}

/** The contract JSON of `uapi diff --format json`. */
export function diffJson(result: DiffResult): unknown {
  return {
    verdict: result.verdict,
    old: result.old,
    new: result.new,
    policy: result.policy,
    abis: result.abis,
    hazards: result.hazards,
    changes: result.changes,
  };
}
