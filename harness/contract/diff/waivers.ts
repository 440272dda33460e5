import * as path from 'node:path';
import { issue, type Issue } from '../../core/diagnostics/issue';
import { parseLocatedJson } from '../../core/util/json-file';
import { readInputText } from '../../core/util/read-input';
import type { Change } from './change';
import type { SourceLoc } from '../../core/model/model';
import { expiredText, expiryProblem, hasExpired, todayUtc } from '../../core/model/waiver-expiry';
import type { RegisteredRule } from '../../core/rules/registered-rule';

/** One reviewed, accepted change: it stays in every report, marked waived with its reason. */
export interface Waiver {
  readonly rule: string;
  readonly subject: string;
  readonly reason: string;
  /** Who answers for the exception (a name or an address). */
  readonly owner?: string;
  /** Last day (YYYY-MM-DD, UTC) the waiver applies; after it the gate fails naming the waiver. */
  readonly expires?: string;
  /** Where the entry is in its file, so that messages about the waiver itself point at it. */
  readonly loc?: SourceLoc;
}

export const ACCEPTED_CHANGES_FILE = 'accepted-changes.json';

/**
 * Reads an accepted-changes file: `{"accepted": [{"rule", "subject", "reason", "owner"?, "expires"?}, ...]}`.
 * Every entry needs a non-empty reason: a waiver without one would be a silent drop. `owner` is a
 * non-empty string, `expires` a date (YYYY-MM-DD).
 */
export function readWaivers(file: string): { waivers: Waiver[]; issues: Issue[] } {
  const shown = path.relative(process.cwd(), file) || file;
  const read = readInputText(file);
  if (read.text === undefined) return { waivers: [], issues: [issue('WAIVER_FILE', shown, `cannot read accepted changes: ${read.problem ?? ''}`, { file: shown, line: 1, col: 1 })] };
  // Each problem at its own line and column (the JSON syntax error included).
  const parsed = parseLocatedJson(read.text, shown);
  if (parsed.json === undefined) return { waivers: [], issues: [issue('WAIVER_FILE', shown, parsed.error?.message ?? 'not JSON', parsed.error?.loc)] };
  const { value: json, locate } = parsed.json;
  const list = (json as { accepted?: unknown } | null)?.accepted;
  if (!Array.isArray(list)) return { waivers: [], issues: [issue('WAIVER_FILE', shown, 'expected {"accepted": [{"rule", "subject", "reason"}, ...]}', locate(['accepted']))] };
  const waivers: Waiver[] = [];
  const issues: Issue[] = [];
  list.forEach((w: unknown, i) => {
    const o = (w !== null && typeof w === 'object' ? w : {}) as Record<string, unknown>;
    const bad = ['rule', 'subject', 'reason'].filter((k) => typeof o[k] !== 'string' || (o[k] as string).trim() === '');
    if (bad.length > 0) {
      issues.push(issue('WAIVER_ENTRY', `accepted[${i}]`, `missing or empty ${bad.join(', ')}`, locate(['accepted', i, bad[0] as string])));
      return;
    }
    const owner = o['owner'];
    if (owner !== undefined && (typeof owner !== 'string' || owner.trim() === '')) {
      issues.push(issue('WAIVER_ENTRY', `accepted[${i}].owner`, 'owner must be a non-empty string (who answers for the exception)', locate(['accepted', i, 'owner'])));
      return;
    }
    const expires = o['expires'];
    const dateProblem = expires === undefined ? undefined : typeof expires === 'string' ? expiryProblem(expires) : 'expires must be a date written YYYY-MM-DD';
    if (dateProblem !== undefined) {
      issues.push(issue('WAIVER_ENTRY', `accepted[${i}].expires`, dateProblem, locate(['accepted', i, 'expires'])));
      return;
    }
    const loc = locate(['accepted', i]);
    waivers.push({
      rule: o['rule'] as string, subject: o['subject'] as string, reason: o['reason'] as string,
      ...(typeof owner === 'string' ? { owner } : {}), ...(typeof expires === 'string' ? { expires } : {}), ...(loc !== undefined ? { loc } : {}),
    });
  });
  return { waivers, issues };
}

/** Marks the changes a waiver covers; returns them and the waivers that matched nothing (stale). */
export function applyWaivers(changes: readonly Change[], waivers: readonly Waiver[]): { changes: Change[]; unused: Waiver[] } {
  const used = new Set<Waiver>();
  const out = changes.map((c) => {
    const w = waivers.find((x) => x.rule === c.rule && x.subject === c.subject);
    if (w === undefined) return c;
    used.add(w);
    return { ...c, waived: true, reason: w.reason };
  });
  return { changes: out, unused: waivers.filter((w) => !used.has(w)) };
}

/** The waivers still in force on `today`, and those past their `expires` date (they apply to nothing). */
export function splitExpired(waivers: readonly Waiver[], today: string = todayUtc()): { live: Waiver[]; expired: Waiver[] } {
  return { live: waivers.filter((w) => !hasExpired(w.expires, today)), expired: waivers.filter((w) => hasExpired(w.expires, today)) };
}

export const WAIVER_EXPIRED = 'WAIVER_EXPIRED';
export const WAIVER_UNUSED = 'WAIVER_UNUSED';

/** The checks of the accepted changes themselves, as the rule registry lists them. */
export const REGISTERED_WAIVER_RULES: readonly RegisteredRule[] = [
  { id: WAIVER_EXPIRED, family: 'check', level: 'error', severity: 'error', purpose: 'an accepted change past its expires date accepts nothing and fails the run, so that every exception is reviewed again in time' },
  { id: WAIVER_UNUSED, family: 'check', level: 'warning', severity: 'warning', purpose: 'an accepted change that matches nothing is removed, so that it cannot hide a later change of the same rule and subject' },
];

/** The error an expired waiver is: the gate fails, at the waiver's entry. */
export function expiredIssue(w: Waiver): Issue {
  return issue(WAIVER_EXPIRED, `${w.rule} ${w.subject}`, `accepted change ${expiredText(w)}: review it again, then renew its expires date or remove it`, w.loc);
}

/** The warning an unused waiver is: it would hide a later change of the same rule and subject. */
export function unusedIssue(w: Waiver): Issue {
  return issue(WAIVER_UNUSED, `${w.rule} ${w.subject}`, 'accepted change matches nothing: remove it', w.loc, 'warning');
}
