import type { Report, ReportItem } from '../../report/report';
import { jsonLocation } from '../../core/diagnostics/json-location';
import type { Spec } from '../../core/model/model';
import { lintFailed, type Finding } from './finding';
import { ruleLabel } from './rule';
import { LINT_RULES_BY_ID } from './rules';
import { REGISTERED_LINT_RULES } from './registered-rules';

/** `S2/no-implicit-padding` for a rule id, the id itself for anything else (`waivers`). */
export function findingLabel(f: Pick<Finding, 'rule'>): string {
  const r = LINT_RULES_BY_ID[f.rule];
  return r !== undefined ? ruleLabel(r) : f.rule;
}

export function findingToReportItem(f: Finding): ReportItem {
  return {
    rule: findingLabel(f),
    level: f.severity,
    subject: f.subject,
    message: f.message,
    ...(f.loc !== undefined ? { location: jsonLocation(f.loc) } : {}),
    ...(f.abis !== undefined ? { abis: f.abis } : {}),
    ...(f.waived === true ? { waived: f.reason ?? '' } : {}),
  };
}

/** The findings of a lint run in the shape every report writer takes. `ran`: ids of the rules run. */
export function lintReport(spec: Pick<Spec, 'name' | 'version' | 'source'>, findings: readonly Finding[], ran: readonly string[]): Report {
  const failed = lintFailed(findings);
  return {
    title: `uapi lint ${spec.name} ${spec.version}`,
    verdict: failed ? 'failed' : 'passed',
    failed,
    items: findings.map(findingToReportItem),
    checks: ran.map((id) => findingLabel({ rule: id })),
    rules: REGISTERED_LINT_RULES,
    ...(spec.source !== undefined ? { source: spec.source } : {}),
  };
}
