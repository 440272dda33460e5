import type { BenchResult } from './benchmark';

/** `--format json` (contract): `{"results":[{"name","value","unit"}]}`. */
export function formatJson(results: readonly BenchResult[]): string {
  return `${JSON.stringify({ results: results.map((r) => ({ name: r.name, value: r.value, unit: r.unit })) }, null, 2)}\n`;
}

/** The default text table. */
export function formatText(results: readonly BenchResult[]): string {
  const rows = results.map((r) => [r.name, r.value.toLocaleString('en-US'), r.unit]);
  const header = ['benchmark', 'value', 'unit'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === 1 ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number))).join('  ').trimEnd();
  return `${[line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')}\n`;
}
