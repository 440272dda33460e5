import { countByRule, type RuleCounts } from './by-rule';
import { judgeChange, type Judgment } from './match';
import { pairKey, type JudgedEntry, type JudgedPair } from './judgments';
import type { CorpusPair } from './pairs';
import type { ReportedChange, UapiOutcome } from './run-uapi';

/** Levels that make `uapi diff`'s verdict breaking, and the hazard level between them and compatible. */
const BREAKING: readonly string[] = ['abi-break', 'value-break', 'behavior-break'];
const HAZARD = 'hazard';

/** What check-uapi.sh's pipeline (gcc + abidiff, x86_64) said about one pair. */
export type IncumbentOutcome = { readonly ok: true; readonly breaking: boolean } | { readonly ok: false; readonly reason: string };

/** Everything measured on one pair. */
export interface PairRun {
  readonly pair: CorpusPair;
  readonly uapi: UapiOutcome;
  readonly incumbent?: IncumbentOutcome;
}

/** One change rated at a breaking level or as a hazard, with its judgment. */
export interface JudgedChange {
  readonly pair: string;
  readonly rule: string;
  readonly level: string;
  readonly subject: string;
  readonly abis: readonly string[];
  readonly message: string;
  readonly judgment: Judgment;
  /** The judged reason (or why the entry does not apply). */
  readonly reason?: string;
}

/** A judged break the tool did not report at a breaking level. */
export interface Miss {
  readonly pair: string;
  readonly subject: string;
  readonly level: string;
  /** What the tool did say about it, if anything. */
  readonly reported: string;
}

export interface Counts {
  readonly total: number;
  readonly true: number;
  readonly debatable: number;
  readonly false: number;
  readonly unjudged: number;
}

export interface Score {
  readonly pairs: number;
  readonly judgedPairs: number;
  readonly rated: Counts;
  readonly hazards: Counts;
  /** (true + debatable) / rated breaking, in %; 100 when nothing is rated breaking. */
  readonly precision: number;
  readonly falseAlarmShare: number;
  readonly judgedBreaks: number;
  readonly caughtBreaks: number;
  readonly recall: number;
  readonly misses: readonly Miss[];
  readonly breakingVerdicts: number;
  /** Breaking verdicts on judged pairs whose breaking-level changes hold no true or debatable one. */
  readonly falseBreakingVerdicts: readonly string[];
  readonly breakingVerdictsOnUnjudgedPairs: number;
  readonly failed: readonly { readonly pair: string; readonly exitCode: number | null; readonly reason: string }[];
  readonly changes: readonly JudgedChange[];
  /** Per rule: its breaking-level and hazard changes, judged (see by-rule.ts). */
  readonly byRule: readonly RuleCounts[];
  readonly incumbent?: {
    readonly breakingVerdicts: number;
    readonly falseBreakingVerdicts: readonly string[];
    readonly breakingVerdictsOnUnjudgedPairs: number;
    readonly failed: readonly { readonly pair: string; readonly reason: string }[];
  };
}

const percent = (n: number, d: number, empty: number): number => (d === 0 ? empty : Math.round((1000 * n) / d) / 10);

function count(changes: readonly JudgedChange[]): Counts {
  const by = (j: Judgment): number => changes.filter((c) => c.judgment === j).length;
  return { total: changes.length, true: by('true'), debatable: by('debatable'), false: by('false'), unjudged: by('unjudged') };
}

const appliesOnX86 = (e: JudgedEntry): boolean => e.abis === undefined || e.abis.includes('x86_64');

/** What the tool said about a judged break it did not report at a breaking level. */
function reportedAs(judged: JudgedPair, entry: JudgedEntry, changes: readonly ReportedChange[]): string {
  const hits = changes.filter((c) => judgeChange(judged, c.subject, c.abis).entry === entry);
  if (hits.length === 0) return 'not reported';
  return `reported as ${[...new Set(hits.map((c) => `${c.level} ${c.rule}`))].join(', ')}`;
}

/** Judges every run against the judged pairs and sums up (see the figures in report.ts). */
export function tally(runs: readonly PairRun[], judged: ReadonlyMap<string, JudgedPair>): Score {
  const changes: JudgedChange[] = [];
  const misses: Miss[] = [];
  const falseVerdicts: string[] = [];
  const failed: { pair: string; exitCode: number | null; reason: string }[] = [];
  let judgedPairs = 0;
  let judgedBreaks = 0;
  let breakingVerdicts = 0;
  let unjudgedBreaking = 0;
  const incumbentFalse: string[] = [];
  const incumbentFailed: { pair: string; reason: string }[] = [];
  let incumbentBreaking = 0;
  let incumbentUnjudged = 0;
  let incumbentRan = false;
  for (const run of runs) {
    const key = pairKey(run.pair.header, run.pair.old, run.pair.new);
    const j = judged.get(key);
    if (j !== undefined) judgedPairs++;
    const breaks = j?.entries.filter((e) => e.kind === 'break') ?? [];
    judgedBreaks += breaks.length;
    const i = run.incumbent;
    if (i !== undefined) {
      incumbentRan = true;
      if (!i.ok) incumbentFailed.push({ pair: key, reason: i.reason });
      else if (i.breaking) {
        incumbentBreaking++;
        if (j === undefined) incumbentUnjudged++;
        else if (!j.entries.some((e) => (e.kind === 'break' || e.kind === 'debatable') && appliesOnX86(e))) incumbentFalse.push(key);
      }
    }
    if (!run.uapi.ok) {
      failed.push({ pair: key, exitCode: run.uapi.exitCode, reason: run.uapi.reason });
      for (const b of breaks) misses.push({ pair: key, subject: b.subject, level: b.level ?? '', reported: 'the pair failed' });
      continue;
    }
    const rated = run.uapi.changes.filter((c) => BREAKING.includes(c.level) || c.level === HAZARD);
    const mine: JudgedChange[] = rated.map((c) => {
      const m = judgeChange(j, c.subject, c.abis);
      const reason = m.note ?? m.entry?.reason;
      return { pair: key, rule: c.rule, level: c.level, subject: c.subject, abis: c.abis, message: c.message, judgment: m.judgment, ...(reason !== undefined ? { reason } : {}) };
    });
    changes.push(...mine);
    if (run.uapi.verdict === 'breaking') {
      breakingVerdicts++;
      if (j === undefined) unjudgedBreaking++;
      else if (!mine.some((c) => BREAKING.includes(c.level) && (c.judgment === 'true' || c.judgment === 'debatable'))) falseVerdicts.push(key);
    }
    for (const b of breaks) {
      const caught = run.uapi.changes.some((c) => BREAKING.includes(c.level) && judgeChange(j, c.subject, c.abis).entry === b && judgeChange(j, c.subject, c.abis).judgment === 'true');
      if (!caught && j !== undefined) misses.push({ pair: key, subject: b.subject, level: b.level ?? '', reported: reportedAs(j, b, run.uapi.changes) });
    }
  }
  const breaking = changes.filter((c) => BREAKING.includes(c.level));
  const rated = count(breaking);
  return {
    pairs: runs.length,
    judgedPairs,
    rated,
    hazards: count(changes.filter((c) => c.level === HAZARD)),
    precision: percent(rated.true + rated.debatable, rated.total, 100),
    falseAlarmShare: percent(rated.false, rated.total, 0),
    judgedBreaks,
    caughtBreaks: judgedBreaks - misses.length,
    recall: percent(judgedBreaks - misses.length, judgedBreaks, 100),
    misses,
    breakingVerdicts,
    falseBreakingVerdicts: falseVerdicts,
    breakingVerdictsOnUnjudgedPairs: unjudgedBreaking,
    failed,
    changes,
    byRule: countByRule(changes),
    ...(incumbentRan ? { incumbent: { breakingVerdicts: incumbentBreaking, falseBreakingVerdicts: incumbentFalse, breakingVerdictsOnUnjudgedPairs: incumbentUnjudged, failed: incumbentFailed } } : {}),
  };
}
