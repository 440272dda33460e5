import type { CheckResult, StepResult } from '../step';
import type { Abi } from '../../core/layout/abi';
import type { Spec } from '../../core/model/model';
import { countItems, countsLine } from '../../report/report';
import { attr, html } from './escape';
import { idSource } from './ids';
import { layoutsSection } from './layouts-section';
import { stepSection } from './step-section';
import { stepsTable } from './steps-table';
import { rulePurpose } from '../rule-registry';
import { PAGE_CSS } from './style';

/** A working spec the gate checked, and how it was named on the command line. */
export interface CheckedUapi {
  readonly spec: Spec;
  readonly argument: string;
}

export interface HtmlReportInput {
  readonly result: CheckResult;
  /** The working specs, whose layouts the page draws. */
  readonly uapis: readonly CheckedUapi[];
  readonly abis: readonly Abi[];
  /** The command line that produced the report, shown under the verdict. */
  readonly command: string;
}

/**
 * `index.html` of `uapi check --out`: one self-contained page (inline CSS and SVG, no script, no
 * external resource) that explains the verdict: what failed and how to reproduce it, every step's
 * findings, the changed layouts of each comparison old against new, and the byte maps of every type.
 * Pure and deterministic: the same result gives the same bytes.
 */
export function formatCheckHtml(input: HtmlReportInput): string {
  const { result } = input;
  const ids = idSource();
  const stepAnchors = result.steps.map((s) => ids('step', s.name));
  const layoutAnchors = input.uapis.map((u) => ids('layouts', u.spec.name));
  const failed = result.steps.filter((s) => s.verdict === 'fail');
  const counts = countsLine(countItems(result.steps.flatMap((s) => s.items)));
  const uapis = input.uapis.map((u) => `${u.spec.name} ${u.spec.version}`).join(', ');

  const header = `<header class="verdict v-${result.verdict}"><h1>uapi check: ${result.verdict === 'pass' ? 'PASS' : 'FAIL'}</h1>`
    + `<p>${html(`${result.steps.length} steps, ${failed.length} failed · ${counts} · ${uapis} · ABIs ${input.abis.map((a) => a.name).join(', ')}`)}</p></header>`;
  // The first screen answers what broke and what to run next: the failing rules of each failed step
  // (with their purpose), and the command that reproduces the first failure alone.
  const next = failed[0] !== undefined ? `<p class="next">Next: <code>${html(failed[0].command)}</code></p>` : '';
  const failures = failed.length === 0 ? '' : `<div class="failures"><strong>What failed</strong><ul>${failed.map((s) => {
    const k = result.steps.indexOf(s);
    const rules = failedRules(s);
    const ruleText = rules.length === 0 ? '' : `<div class="rules">Rules that failed: ${rules.map((r) => `<code title="${attr(rulePurpose(r.rule) ?? '')}">${html(r.rule)}</code>${r.count > 1 ? ` ×${r.count}` : ''}`).join(', ')}.</div>`;
    return `<li><a href="#${attr(stepAnchors[k] ?? '')}">${html(s.name)}</a>: ${html(s.summary)}. Reproduce: <code>${html(s.command)}</code>${ruleText}</li>`;
  }).join('')}</ul>${next}</div>`;
  const toc = '<nav class="toc"><strong>Contents</strong><ul>'
    + '<li><a href="#steps">Steps</a></li>'
    + result.steps.map((s, k) => `<li><a href="#${attr(stepAnchors[k] ?? '')}">${html(s.name)}</a></li>`).join('')
    + input.uapis.map((u, k) => `<li><a href="#${attr(layoutAnchors[k] ?? '')}">${html(`Layouts of ${u.spec.name} ${u.spec.version}`)}</a></li>`).join('')
    + '</ul></nav>';
  const steps = `<section id="steps"><h2>Steps</h2>${stepsTable(result.steps, stepAnchors)}</section>`;
  const sections = result.steps.map((s, k) => stepSection(s, stepAnchors[k] ?? '', ids)).join('');
  const layouts = input.uapis.map((u, k) => layoutsSection(u.spec, u.argument, input.abis, layoutAnchors[k] ?? '', ids)).join('');
  const footer = `<footer>Written by <code>${html(input.command)}</code>. Every figure is computed from the spec by the layout engine; `
    + 'JSON, JUnit and Markdown versions of this report sit next to this file.</footer>';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${html(`uapi check: ${result.verdict} — ${uapis}`)}</title>`,
    `<style>${PAGE_CSS}</style>`,
    '</head>',
    '<body>',
    header,
    `<main>${failures}${toc}${steps}${sections}${layouts}${footer}</main>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The rules of a step's unwaived errors, in the order they first appear, with how many items each has. */
function failedRules(s: StepResult): { rule: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const i of s.items) if (i.level === 'error' && i.waived === undefined) counts.set(i.rule, (counts.get(i.rule) ?? 0) + 1);
  return [...counts].map(([rule, count]) => ({ rule, count }));
}
