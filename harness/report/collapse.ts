import type { ReportItem } from './report';

/** Items that read the same but for their subject and location, shown once with how many there are. */
export interface CollapsedItem {
  readonly item: ReportItem;
  /** How many items the line stands for (1: itself only). */
  readonly count: number;
  /** The subjects of the others, in order, when they differ from the first one's. */
  readonly others: readonly string[];
}

const keyOf = (i: ReportItem): string => JSON.stringify([i.rule, i.level, i.label ?? '', i.waived ?? null, i.message, i.abis ?? null]);

/**
 * Groups items with the same rule, level, message, ABIs and waiver (16 missing golden files, one
 * message per ABI and format), keeping the order of each group's first item. Only for people's
 * formats: machine formats keep every item.
 */
export function collapseItems(items: readonly ReportItem[]): CollapsedItem[] {
  const groups = new Map<string, ReportItem[]>();
  for (const i of items) {
    const k = keyOf(i);
    const g = groups.get(k);
    if (g === undefined) groups.set(k, [i]);
    else g.push(i);
  }
  return [...groups.values()].map((g) => {
    const first = g[0] as ReportItem;
    const others = g.slice(1).map((i) => i.subject).filter((s) => s !== first.subject);
    return { item: first, count: g.length, others };
  });
}

/** What a collapsed line adds at its end: ` (×16: also x86_64.json, i386.txt, i386.json and 12 more)`. */
export function collapsedSuffix(c: CollapsedItem, shown = 3): string {
  if (c.count === 1) return '';
  if (c.others.length === 0) return ` (×${c.count})`;
  const names = c.others.slice(0, shown).map((s) => s.slice(s.lastIndexOf('/') + 1));
  const more = c.others.length > shown ? ` and ${c.others.length - shown} more` : '';
  return ` (×${c.count}: also ${names.join(', ')}${more})`;
}
