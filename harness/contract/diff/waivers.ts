import * as path from 'node:path';
import { issue, type Issue } from '../../core/diagnostics/issue';
import { parseLocatedJson } from '../../core/util/json-file';
import { readInputText } from '../../core/util/read-input';
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
    if (bad.length > 0) issues.push(issue('WAIVER_ENTRY', `accepted[${i}]`, `missing or empty ${bad.join(', ')}`, locate(['accepted', i, bad[0] as string])));
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
