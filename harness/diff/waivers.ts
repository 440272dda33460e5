import * as fs from 'node:fs';
import { issue, type Issue } from '../diagnostics/issue';
import type { Change } from './change';

/** One reviewed, accepted change: it stays in every report, marked waived with its reason. */
export interface Waiver {
  readonly rule: string;
  readonly subject: string;
  readonly reason: string;
}

export const ACCEPTED_CHANGES_FILE = 'accepted-changes.json';

/**
 * Reads an accepted-changes file: `{"accepted": [{"rule", "subject", "reason"}, ...]}`. Every entry
 * needs a non-empty reason: a waiver without one would be a silent drop.
 */
export function readWaivers(file: string): { waivers: Waiver[]; issues: Issue[] } {
  const loc = { file, line: 1, col: 1 };
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    return { waivers: [], issues: [issue('WAIVER_FILE', file, `cannot read accepted changes: ${(e as Error).message}`, loc)] };
  }
  const list = (json as { accepted?: unknown } | null)?.accepted;
  if (!Array.isArray(list)) return { waivers: [], issues: [issue('WAIVER_FILE', file, 'expected {"accepted": [{"rule", "subject", "reason"}, ...]}', loc)] };
  const waivers: Waiver[] = [];
  const issues: Issue[] = [];
  list.forEach((w: unknown, i) => {
    const o = (w ?? {}) as Record<string, unknown>;
    const bad = ['rule', 'subject', 'reason'].filter((k) => typeof o[k] !== 'string' || (o[k] as string).trim() === '');
    if (bad.length > 0) issues.push(issue('WAIVER_ENTRY', `accepted[${i}]`, `missing or empty ${bad.join(', ')}`, loc));
    else waivers.push({ rule: o['rule'] as string, subject: o['subject'] as string, reason: o['reason'] as string });
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
