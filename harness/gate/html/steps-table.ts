import type { PropertyResult, StepResult, StepVerdict } from '../step';
import { attr, html } from './escape';

const VERDICT: { readonly [V in StepVerdict]: string } = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP' };

export function verdictBadge(v: StepVerdict): string {
  return `<span class="badge v-${v}">${VERDICT[v]}</span>`;
}

/** Every step of the gate in the order it ran: verdict, what it found, how to run it alone. */
export function stepsTable(steps: readonly StepResult[], anchors: readonly string[]): string {
  const rows = steps.map((s, k) => `<tr class="v-${s.verdict}"><td>${verdictBadge(s.verdict)}</td>`
    + `<td><a href="#${attr(anchors[k] ?? '')}">${html(s.name)}</a></td><td>${html(s.summary)}</td><td><code>${html(s.command)}</code></td></tr>`);
  return '<table class="steps"><thead><tr><th>Verdict</th><th>Step</th><th>Result</th><th>Reproduce</th></tr></thead>'
    + `<tbody>${rows.join('')}</tbody></table>`;
}

/** One row per property a step ran: verdict, cases run, the failure with its seed and replay command. */
export function propertiesTable(properties: readonly PropertyResult[]): string {
  const rows = properties.map((p) => {
    const replay = [
      p.seed !== undefined ? `seed ${p.seed}` : '',
      p.path !== undefined ? `path "${p.path}"` : '',
    ].filter((x) => x !== '').join(', ');
    const detail = [
      p.message !== undefined ? `<div class="message">${html(p.message)}</div>` : '',
      replay !== '' ? `<div class="muted">${html(replay)}</div>` : '',
      p.command !== undefined ? `<div><code>${html(p.command)}</code></div>` : '',
    ].join('');
    return `<tr class="v-${p.verdict}"><td>${verdictBadge(p.verdict)}</td><td><code>${html(p.name)}</code></td>`
      + `<td class="num">${p.runs !== undefined ? p.runs : ''}</td><td>${detail}</td></tr>`;
  });
  return '<table class="properties"><thead><tr><th>Verdict</th><th>Property</th><th>Runs</th><th>Detail</th></tr></thead>'
    + `<tbody>${rows.join('')}</tbody></table>`;
}
