import type { BenchResult } from '../benchmark';
import { ruleTable } from './by-rule';
import type { Counts, JudgedChange, Score } from './tally';

/** Figure names (contract: `--format json` of score.js and of `npm run bench`), in print order. */
export const FIGURES = [
  'real_history.pairs', 'real_history.judged_pairs', 'real_history.rated_breaking', 'real_history.true', 'real_history.debatable',
  'real_history.false', 'real_history.unjudged', 'real_history.precision', 'real_history.false_alarm_share', 'real_history.recall',
  'real_history.judged_breaks', 'real_history.missed_breaks', 'real_history.hazards', 'real_history.hazards_unjudged',
  'real_history.breaking_verdicts', 'real_history.false_breaking_verdicts', 'real_history.failed_pairs',
  'real_history.incumbent_breaking_verdicts', 'real_history.incumbent_false_breaking_verdicts', 'real_history.incumbent_failed_pairs',
] as const;

/** The score as named figures; the incumbent's are left out when it did not run. */
export function figures(s: Score): BenchResult[] {
  const n = (name: string, value: number, unit = 'count'): BenchResult => ({ name, value, unit });
  const out = [
    n('real_history.pairs', s.pairs), n('real_history.judged_pairs', s.judgedPairs), n('real_history.rated_breaking', s.rated.total),
    n('real_history.true', s.rated.true), n('real_history.debatable', s.rated.debatable), n('real_history.false', s.rated.false),
    n('real_history.unjudged', s.rated.unjudged), n('real_history.precision', s.precision, '%'), n('real_history.false_alarm_share', s.falseAlarmShare, '%'),
    n('real_history.recall', s.recall, '%'), n('real_history.judged_breaks', s.judgedBreaks), n('real_history.missed_breaks', s.misses.length),
    n('real_history.hazards', s.hazards.total), n('real_history.hazards_unjudged', s.hazards.unjudged),
    n('real_history.breaking_verdicts', s.breakingVerdicts), n('real_history.false_breaking_verdicts', s.falseBreakingVerdicts.length),
    n('real_history.failed_pairs', s.failed.length),
  ];
  if (s.incumbent !== undefined) {
    out.push(
      n('real_history.incumbent_breaking_verdicts', s.incumbent.breakingVerdicts),
      n('real_history.incumbent_false_breaking_verdicts', s.incumbent.falseBreakingVerdicts.length),
      n('real_history.incumbent_failed_pairs', s.incumbent.failed.length),
    );
  }
  return out;
}

const counts = (c: Counts): string => `${c.total}: true ${c.true}, debatable ${c.debatable}, false ${c.false}, UNJUDGED ${c.unjudged}`;
const changeLine = (c: JudgedChange): string => `  ${c.pair}  ${c.level} ${c.rule} ${c.subject} [${c.abis.join(',')}]: ${c.message}`;

/** The text report: the figures, then every list a person acts on (misses, failures, what to judge). */
export function textReport(s: Score, header: readonly string[]): string {
  const lines = [
    ...header,
    `pairs: ${s.pairs} (${s.judgedPairs} judged)`,
    `changes rated breaking ${counts(s.rated)}`,
    `precision ((true+debatable)/rated breaking): ${s.precision} %`,
    `false-alarm share: ${s.falseAlarmShare} %`,
    `recall: ${s.caughtBreaks}/${s.judgedBreaks} judged breaks reported at a breaking level (${s.recall} %)`,
    ...s.misses.map((m) => `  missed: ${m.pair}  ${m.subject} (${m.level}): ${m.reported}`),
    `hazards ${counts(s.hazards)}`,
    `verdict breaking: ${s.breakingVerdicts} pairs, ${s.falseBreakingVerdicts.length} false (no true or debatable break)${s.breakingVerdictsOnUnjudgedPairs > 0 ? `, ${s.breakingVerdictsOnUnjudgedPairs} on pairs not judged yet` : ''}`,
    ...s.falseBreakingVerdicts.map((p) => `  false: ${p}`),
    `failed pairs (exit 2): ${s.failed.length}`,
    ...s.failed.map((f) => `  ${f.pair}: ${f.reason}`),
  ];
  if (s.incumbent !== undefined) {
    lines.push(
      `check-uapi.sh pipeline (gcc -g + abidiff, x86_64): verdict breaking: ${s.incumbent.breakingVerdicts} pairs, ${s.incumbent.falseBreakingVerdicts.length} false (no true or debatable break on x86_64)${s.incumbent.breakingVerdictsOnUnjudgedPairs > 0 ? `, ${s.incumbent.breakingVerdictsOnUnjudgedPairs} on pairs not judged yet` : ''}; failed ${s.incumbent.failed.length}`,
      ...s.incumbent.falseBreakingVerdicts.map((p) => `  false: ${p}`),
      ...s.incumbent.failed.map((f) => `  failed: ${f.pair}: ${f.reason}`),
    );
  }
  if (s.byRule.length > 0) lines.push('by rule (breaking-level changes and hazards, judged):', ...ruleTable(s.byRule));
  const unjudged = s.changes.filter((c) => c.judgment === 'unjudged');
  if (unjudged.length > 0) lines.push('UNJUDGED (judge these: subject, rule, pair):', ...unjudged.map(changeLine));
  return `${lines.join('\n')}\n`;
}

/** `--format json`: the figures by their stable names, then the lists. */
export function jsonReport(s: Score): string {
  const f = Object.fromEntries(figures(s).map((r) => [r.name, r.value]));
  return `${JSON.stringify({
    figures: f,
    misses: s.misses,
    falseBreakingVerdicts: s.falseBreakingVerdicts,
    failed: s.failed,
    incumbent: s.incumbent ?? null,
    byRule: s.byRule,
    changes: s.changes,
  }, null, 2)}\n`;
}
