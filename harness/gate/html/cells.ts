import type { ReportItem, ReportLocation } from '../../report/report';
import { locationText } from '../../report/report';
import { attr, html } from './escape';
import { richText } from './rich-text';
import { rulePurpose } from '../rule-registry';

/** Level badge: the command's own word (`abi-break`) coloured by the gating level. */
export function levelCell(i: Pick<ReportItem, 'level' | 'label' | 'waived'>): string {
  const cls = i.waived !== undefined ? 'waived' : i.level;
  return `<td><span class="badge ${cls}">${html(i.label ?? i.level)}</span></td>`;
}

/** Rule id in code, its purpose as a tooltip and a line under it, so the table says why. */
export function ruleCell(rule: string): string {
  const purpose = rulePurpose(rule);
  if (purpose === undefined) return `<td><code>${html(rule)}</code></td>`;
  return `<td><code title="${attr(purpose)}">${html(rule)}</code><div class="purpose">${html(purpose)}</div></td>`;
}

export function abisCell(abis: readonly string[] | undefined): string {
  return `<td>${abis === undefined || abis.length === 0 ? '<span class="muted">all</span>' : html(abis.join(', '))}</td>`;
}

export function whereCell(l: ReportLocation | undefined): string {
  return `<td>${l === undefined ? '' : `<code>${html(locationText(l))}</code>`}</td>`;
}

/** Lines of a message shown as they are; longer bodies (a golden file's diff) are folded. */
const OPEN_LINES = 6;

/** A message cell; its first line is the message, further lines keep their breaks, folded when long. */
export function messageCell(message: string, waived: string | undefined): string {
  const cut = message.indexOf('\n');
  let body = richText(cut < 0 ? message : message.slice(0, cut));
  if (cut >= 0) {
    const rest = message.slice(cut + 1).replace(/\n+$/, '');
    const lines = rest.split('\n').length;
    body += lines <= OPEN_LINES ? `<pre>${html(rest)}</pre>` : `<details><summary>${lines} more lines</summary><pre>${html(rest)}</pre></details>`;
  }
  const note = waived !== undefined ? `<div class="waived-note">waived: ${richText(waived)}</div>` : '';
  return `<td class="message">${body}${note}</td>`;
}
