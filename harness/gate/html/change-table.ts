import { changeItem } from '../../contract/diff/to-report';
import type { Change, ChangeValue } from '../../contract/diff/change';
import { abisCell, levelCell, messageCell, ruleCell, whereCell } from './cells';
import { html } from './escape';

function value(v: ChangeValue): string {
  if (v === null) return '<span class="muted">—</span>';
  return `<code>${html(typeof v === 'string' ? v : String(v))}</code>`;
}

/**
 * The classified changes of one comparison, breaks first, each with its rule's purpose, the old and
 * new value, the ABIs it shows on (when not all) and where it is declared. Waived changes stay listed
 * with the reviewer's reason, so that they can be re-checked.
 */
export function changeTable(changes: readonly Change[], allAbis: readonly string[]): string {
  if (changes.length === 0) return '<p class="muted">No changes.</p>';
  const rank = (c: Change): number => {
    const i = changeItem(c, allAbis);
    return i.waived !== undefined ? 3 : { error: 0, warning: 1, info: 2 }[i.level];
  };
  const ordered = changes.map((c, index) => ({ c, index })).sort((a, b) => rank(a.c) - rank(b.c) || a.index - b.index);
  const rows = ordered.map(({ c }) => {
    const item = changeItem(c, allAbis);
    return `<tr class="${item.waived !== undefined ? 'waived' : item.level}">${levelCell(item)}${ruleCell(c.rule)}<td><code>${html(c.subject)}</code></td>`
      + `<td class="values">${value(c.old)} → ${value(c.new)}</td>${abisCell(item.abis)}${messageCell(item.message, item.waived)}${whereCell(item.location)}</tr>`;
  });
  return '<table class="changes"><thead><tr><th>Level</th><th>Rule</th><th>Subject</th><th>Old → new</th><th>On</th><th>Message</th><th>Where</th></tr></thead>'
    + `<tbody>${rows.join('')}</tbody></table>`;
}
