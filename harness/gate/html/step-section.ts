import type { StepComparison, StepResult } from '../step';
import { changeTable } from './change-table';
import { compareFigure } from './compare-figure';
import { attr, html } from './escape';
import { findingsTable } from './findings-table';
import type { IdSource } from './ids';
import { legend } from './legend';
import { propertiesTable, verdictBadge } from './steps-table';

/** Every named struct and union of either version, the new version's order first. */
function typeNames(c: StepComparison): string[] {
  const names = [...c.new.records, ...c.old.records].flatMap((r) => (r.name !== undefined ? [r.name] : []));
  return [...new Set(names)];
}

function comparisonBody(c: StepComparison, ids: IdSource): string {
  const labels = { old: `${c.old.name} ${c.old.version}`, new: `${c.new.name} ${c.new.version}` };
  const figures = typeNames(c).map((n) => compareFigure(c.old, c.new, n, c.abis, labels, ids)).filter((f) => f !== '');
  const layouts = figures.length > 0
    ? `<h3>Changed layouts (${figures.length})</h3><p class="muted">Old on the left, new on the right, per group of ABIs with the same pictures.</p>${legend({ changes: true })}${figures.join('')}`
    : '<h3>Changed layouts</h3><p class="muted">No struct or union layout changed on any ABI.</p>';
  return `${layouts}<h3>Changes (${c.changes.length})</h3>${changeTable(c.changes, c.abis.map((a) => a.name))}`;
}

/**
 * One step of the gate: its verdict and how to reproduce it, its note; for a comparison, the changed layouts
 * old against new and the change table; for other steps their findings; property results if any.
 */
export function stepSection(s: StepResult, anchor: string, ids: IdSource): string {
  const head = `<section class="step v-${s.verdict}" id="${attr(anchor)}"><h2>${verdictBadge(s.verdict)} ${html(s.name)}</h2>`
    + `<p>${html(s.summary)}. Reproduce: <code>${html(s.command)}</code></p>`;
  const body = s.comparison !== undefined
    ? comparisonBody(s.comparison, ids)
    : s.items.length > 0 || s.properties === undefined ? `<h3>Findings (${s.items.length})</h3>${findingsTable(s.items)}` : '';
  const properties = s.properties !== undefined ? `<h3>Properties (${s.properties.length})</h3>${propertiesTable(s.properties)}` : '';
  // The text the terminal shows under the step (a golden diff, a trace's divergent call side by side) keeps its columns.
  const note = s.note !== undefined ? `<pre class="note">${html(s.note)}</pre>` : '';
  return `${head}${note}${body}${properties}</section>`;
}
