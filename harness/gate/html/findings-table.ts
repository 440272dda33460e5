import type { ReportItem } from '../../report/report';
import { abisCell, levelCell, messageCell, ruleCell, whereCell } from './cells';
import { html } from './escape';

/** Report items of any step (lint findings, golden files, property failures), errors first. */
export function findingsTable(items: readonly ReportItem[]): string {
  if (items.length === 0) return '<p class="muted">No findings.</p>';
  const rank = (i: ReportItem): number => (i.waived !== undefined ? 3 : { error: 0, warning: 1, info: 2 }[i.level]);
  const ordered = items.map((item, index) => ({ item, index })).sort((a, b) => rank(a.item) - rank(b.item) || a.index - b.index);
  const rows = ordered.map(({ item }) => `<tr class="${item.waived !== undefined ? 'waived' : item.level}">${levelCell(item)}${ruleCell(item.rule)}`
    + `<td><code>${html(item.subject)}</code></td>${abisCell(item.abis)}${messageCell(item.message, item.waived)}${whereCell(item.location)}</tr>`);
  return '<table class="findings"><thead><tr><th>Level</th><th>Rule</th><th>Subject</th><th>On</th><th>Message</th><th>Where</th></tr></thead>'
    + `<tbody>${rows.join('')}</tbody></table>`;
}
