import * as path from 'node:path';
import { expiredIssue, unusedIssue, WAIVER_EXPIRED, WAIVER_UNUSED, type Waiver } from '../contract/diff';
import type { Issue } from '../core/diagnostics/issue';
import type { ReportItem } from '../report/report';
import type { StepResult } from './step';

function itemOf(i: Issue, level: ReportItem['level'], cwd: string): ReportItem {
  const file = i.loc !== undefined ? path.relative(cwd, i.loc.file) || i.loc.file : undefined;
  return {
    rule: i.code, level, subject: i.path, message: i.message,
    ...(i.loc !== undefined && file !== undefined ? { location: { file, line: i.loc.line, col: i.loc.col } } : {}),
  };
}

/**
 * The accepted changes of a spec folder, themselves checked: one past its `expires` date fails the
 * gate (it accepted nothing in the release diffs), one that no release diff used is reported, since it
 * would hide a later change of the same rule and subject. `diffSteps` are the release diffs that ran
 * with the waivers still in force.
 */
export function waiversStep(specArg: string, waivers: readonly Waiver[], expired: readonly Waiver[], diffSteps: readonly StepResult[], cwd: string = process.cwd()): StepResult {
  const used = (w: Waiver): boolean =>
    diffSteps.some((s) => s.comparison?.changes.some((c) => c.waived === true && c.rule === w.rule && c.subject === w.subject) === true);
  const unused = waivers.filter((w) => !expired.includes(w) && !used(w));
  const items = [...expired.map((w) => itemOf(expiredIssue(w), 'error', cwd)), ...unused.map((w) => itemOf(unusedIssue(w), 'warning', cwd))];
  return {
    name: `waivers ${specArg}`,
    verdict: expired.length > 0 ? 'fail' : 'pass',
    summary: `${waivers.length} accepted change(s): ${expired.length} expired, ${unused.length} unused`,
    items,
    command: `npx uapi check ${specArg}`,
    rules: [WAIVER_EXPIRED, WAIVER_UNUSED],
  };
}
