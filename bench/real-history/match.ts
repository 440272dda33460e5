import type { JudgedEntry, JudgedPair } from './judgments';

/** How a change the tool rated at a breaking level (or as a hazard) stands against the judgments. */
export type Judgment = 'true' | 'debatable' | 'false' | 'unjudged';

export interface MatchedChange {
  readonly judgment: Judgment;
  /** The entry that decided, when one did. */
  readonly entry?: JudgedEntry;
  /** Why it is false when the entry is a break judged on other ABIs only. */
  readonly note?: string;
}

const isPrefix = (e: JudgedEntry): boolean => e.subject.endsWith('*');

/**
 * The entry that covers a subject: an exact entry wins over prefix entries (`struct kvm_run.*`), the
 * longest prefix wins among prefixes. Entries restricted to ABIs the change does not show on are
 * passed over, except breaks: a change the judge called a break only elsewhere is not that break.
 */
export function coveringEntry(pair: JudgedPair, subject: string): JudgedEntry | undefined {
  const exact = pair.entries.filter((e) => !isPrefix(e) && e.subject === subject);
  if (exact.length > 0) return exact[0];
  let best: JudgedEntry | undefined;
  for (const e of pair.entries) {
    if (!isPrefix(e) || !subject.startsWith(e.subject.slice(0, -1))) continue;
    if (best === undefined || e.subject.length > best.subject.length) best = e;
  }
  return best;
}

const overlaps = (a: readonly string[] | undefined, b: readonly string[]): boolean => a === undefined || a.some((x) => b.includes(x));

/** Judges one change (subject, ABIs it shows on) by the pair's entries; no judged pair = unjudged. */
export function judgeChange(pair: JudgedPair | undefined, subject: string, abis: readonly string[]): MatchedChange {
  if (pair === undefined) return { judgment: 'unjudged' };
  const candidates = pair.entries.filter((e) => e.subject === subject || (isPrefix(e) && subject.startsWith(e.subject.slice(0, -1))));
  // Several exact entries for one subject may differ by ABIs (a break on i386, not a break elsewhere).
  const entry = coveringEntry({ ...pair, entries: candidates.filter((e) => overlaps(e.abis, abis)) }, subject);
  if (entry !== undefined) return { judgment: entry.kind === 'break' ? 'true' : entry.kind === 'debatable' ? 'debatable' : 'false', entry };
  const elsewhere = coveringEntry({ ...pair, entries: candidates.filter((e) => e.kind === 'break') }, subject);
  if (elsewhere !== undefined) return { judgment: 'false', entry: elsewhere, note: `judged a break only on ${(elsewhere.abis ?? []).join(', ')}` };
  return { judgment: 'unjudged' };
}
