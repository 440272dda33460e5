import type { Abi } from '../core/layout/abi';
import { lintFailed, lintSpec } from '../contract/lint';
import { lintReport } from '../contract/lint/lint-report';
import { LINT_RULES } from '../contract/lint/rules';
import type { Spec } from '../core/model/model';
import type { StepResult } from './step';

/** The static uAPI rules S1–S15 on the working spec. */
export function lintStep(spec: Spec, specArg: string, abis: readonly Abi[]): StepResult {
  const findings = lintSpec(spec, { abis });
  const report = lintReport(spec, findings, LINT_RULES.map((r) => r.id));
  const failed = lintFailed(findings);
  const live = report.items.filter((i) => i.waived === undefined);
  return {
    name: `lint ${spec.name} ${spec.version}`,
    verdict: failed ? 'fail' : 'pass',
    summary: `${live.length} finding(s), ${report.items.length - live.length} waived`,
    items: report.items,
    command: `npx uapi lint ${specArg}`,
    ...(report.checks !== undefined ? { rules: report.checks } : {}),
  };
}
