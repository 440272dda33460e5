import type { Judgment } from './match';

/** How one rule's changes were judged, at the breaking levels and as hazards. */
export interface RuleCounts {
  readonly rule: string;
  /** Changes the rule rated at a breaking level (abi-, value-, behavior-break). */
  readonly breaking: Readonly<Record<Judgment, number>>;
  readonly hazard: Readonly<Record<Judgment, number>>;
}

const zero = (): Record<Judgment, number> => ({ true: 0, debatable: 0, false: 0, unjudged: 0 });
const sum = (c: Readonly<Record<Judgment, number>>): number => c.true + c.debatable + c.false + c.unjudged;

/**
 * Every rule that rated something breaking or a hazard, with its judged counts: where the false
 * alarms and the unread hazards come from, so the noisiest rule is the one to tighten next. Most
 * changes first, then by rule id (stable).
 */
export function countByRule(changes: readonly { readonly rule: string; readonly level: string; readonly judgment: Judgment }[]): RuleCounts[] {
  const m = new Map<string, { breaking: Record<Judgment, number>; hazard: Record<Judgment, number> }>();
  for (const c of changes) {
    let r = m.get(c.rule);
    if (r === undefined) m.set(c.rule, (r = { breaking: zero(), hazard: zero() }));
    (c.level === 'hazard' ? r.hazard : r.breaking)[c.judgment]++;
  }
  return [...m]
    .map(([rule, r]) => ({ rule, ...r }))
    .sort((a, b) => sum(b.breaking) + sum(b.hazard) - (sum(a.breaking) + sum(a.hazard)) || a.rule.localeCompare(b.rule));
}

const cell = (c: Readonly<Record<Judgment, number>>): string =>
  sum(c) === 0 ? '-' : `${sum(c)} (${c.true}/${c.debatable}/${c.false}${c.unjudged > 0 ? `/${c.unjudged}?` : ''})`;

/** The per-rule table of the text report: `rule  breaking (true/debatable/false)  hazards (…)`. */
export function ruleTable(rows: readonly RuleCounts[]): string[] {
  const width = Math.max(4, ...rows.map((r) => r.rule.length));
  return [
    `  ${'rule'.padEnd(width)}  rated breaking (true/debatable/false)  hazards (true/debatable/false)`,
    ...rows.map((r) => `  ${r.rule.padEnd(width)}  ${cell(r.breaking).padEnd(37)}  ${cell(r.hazard)}`),
  ];
}
