import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatIssue } from '../harness/core/diagnostics/format';
import { issue, type Issue } from '../harness/core/diagnostics/issue';
import { diffSpecs, type DiffResult } from '../harness/contract/diff';
import { ABIS, DEFAULT_ABI_NAMES } from '../harness/core/layout/abi';
import { loadUapi } from '../harness/contract/load/load-uapi';
import { ACME_ACCEL_HEADER_NAME, headerEdits, type CorrectVerdict, type HeaderEdit } from './edits';
import { findIncumbentTools, runIncumbent, type AbidiffOutcome, type IncumbentTools } from './incumbent';

/** Where the generated table is committed (the README quotes it). */
export const CATCH_TABLE_FILE = path.join('bench', 'catch-table.md');
export const REGENERATE_COMMAND = 'npx tsc -p . && node dist/bench/catch-table.js --write';

/** One edit measured with both tools. */
export interface CatchRow {
  readonly edit: HeaderEdit;
  /** `uapi diff` in header mode on the eight default ABIs. */
  readonly ours: DiffResult;
  /** check-uapi.sh's pipeline (host ABI); absent when gcc or abidiff is missing. */
  readonly incumbent?: AbidiffOutcome;
  readonly ms: { readonly ours: number; readonly incumbent?: number };
}

export interface CatchMeasurement {
  readonly rows: readonly CatchRow[];
  /** Absent when the incumbent's tools are missing (the issues say which and how to install). */
  readonly tools?: IncumbentTools;
  readonly issues: readonly Issue[];
}

const DEFAULT_ABIS = ABIS.filter((a) => DEFAULT_ABI_NAMES.includes(a.name));

/** `uapi diff old new` on one edit, through the library: header import, then the diff. */
export async function diffEditWithUapi(edit: HeaderEdit): Promise<{ result?: DiffResult; issues: Issue[] }> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-catch-'));
  try {
    const sides = [['old', edit.oldText], ['new', edit.newText]] as const;
    const loaded = [];
    for (const [side, text] of sides) {
      const rel = path.join(side, ACME_ACCEL_HEADER_NAME);
      fs.mkdirSync(path.join(work, side));
      fs.writeFileSync(path.join(work, rel), text);
      const r = await loadUapi(rel, { cwd: work });
      if (r.uapi === undefined) return { issues: r.issues.map((i) => ({ ...i, path: `edit "${edit.name}" (${side}): ${i.path}` })) };
      loaded.push(r.uapi);
    }
    const [o, n] = loaded as [NonNullable<(typeof loaded)[0]>, NonNullable<(typeof loaded)[0]>];
    const result = diffSpecs(
      { spec: o.spec, label: o.argument, headerMode: o.origin === 'header' },
      { spec: n.spec, label: n.argument, headerMode: n.origin === 'header' },
      { abis: DEFAULT_ABIS },
    );
    return { result, issues: [] };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Runs every catalogue edit through `uapi diff` and, when gcc and abidiff are installed, through
 * check-uapi.sh's pipeline. Edits run one after another: the figures are small and the machine's
 * cores belong to the other tests.
 */
export async function measureCatchTable(): Promise<CatchMeasurement> {
  const catalogue = headerEdits();
  const issues: Issue[] = catalogue.problems.map((p) => issue('CATALOGUE_EDIT', 'bench/edits/catalogue.ts', p));
  const found = findIncumbentTools();
  issues.push(...found.issues);
  const rows: CatchRow[] = [];
  for (const edit of catalogue.edits) {
    const t0 = performance.now();
    const ours = await diffEditWithUapi(edit);
    const t1 = performance.now();
    issues.push(...ours.issues);
    if (ours.result === undefined) continue;
    if (found.tools === undefined) {
      rows.push({ edit, ours: ours.result, ms: { ours: t1 - t0 } });
      continue;
    }
    const inc = runIncumbent({ fileName: ACME_ACCEL_HEADER_NAME, oldText: edit.oldText, newText: edit.newText }, found.tools);
    issues.push(...inc.issues.map((i) => ({ ...i, path: `edit "${edit.name}": ${i.path}` })));
    const row: CatchRow = inc.run === undefined
      ? { edit, ours: ours.result, ms: { ours: t1 - t0 } }
      : { edit, ours: ours.result, incumbent: inc.run.outcome, ms: { ours: t1 - t0, incumbent: inc.run.timing.totalMs } };
    rows.push(row);
  }
  return { rows, ...(found.tools !== undefined ? { tools: found.tools } : {}), issues };
}

/** Our answer: breaking, a reported hazard that does not fail, or compatible. */
export const oursAnswer = (r: CatchRow): CorrectVerdict => (r.ours.verdict === 'breaking' ? 'breaking' : r.ours.hazards > 0 ? 'hazard' : 'compatible');

/**
 * Whether a tool's answer matches the kernel rule: it fails exactly the breaking edits, and reports a
 * hazard edit without failing. The incumbent has no hazard level: flagging a hazard edit is the best it
 * can do, so that counts as right for it.
 */
export const oursIsRight = (r: CatchRow): boolean =>
  r.edit.correct === 'compatible' ? r.ours.verdict !== 'breaking' : oursAnswer(r) === r.edit.correct;
export const incumbentIsRight = (r: CatchRow): boolean | undefined =>
  r.incumbent === undefined ? undefined : (r.incumbent.verdict === 'breaking') === (r.edit.correct !== 'compatible');

const mark = (right: boolean): string => (right ? '✅' : '❌');
const code = (s: string): string => `\`${s}\``;

function oursCell(r: CatchRow): string {
  const rules = [...new Set(r.ours.changes.map((c) => c.rule))];
  const shown = r.ours.verdict !== 'breaking' && r.ours.hazards > 0 ? `${r.ours.verdict}, ${r.ours.hazards} hazard(s)` : r.ours.verdict;
  return `${mark(oursIsRight(r))} ${shown}: ${rules.map(code).join(', ')}`;
}

function incumbentCell(r: CatchRow): string {
  const o = r.incumbent;
  if (o === undefined) return 'not run';
  const seen = [
    ...o.changedTypes.map((t) => `changed ${code(t)}`),
    ...o.removedTypes.map((t) => `removed ${code(t)}`),
    ...o.addedTypes.map((t) => `added ${code(t)}`),
  ];
  const what = seen.length === 0 ? 'sees no change' : seen.join(', ');
  return `${mark(incumbentIsRight(r) === true)} ${o.verdict === 'breaking' ? 'breaking' : 'passes'}: ${what}`;
}

/** The machine's ABI in the design doc's names (check-uapi.sh checks only `uname -m`'s). */
const hostAbi = (): string => ({ x64: 'x86_64', ia32: 'i386', arm64: 'aarch64' } as Record<string, string>)[process.arch] ?? process.arch;

const escapeCell = (s: string): string => s.replace(/\|/g, '\\|');

/** Counts for the summary line. */
export function catchCounts(rows: readonly CatchRow[]) {
  const breaking = rows.filter((r) => r.edit.correct === 'breaking');
  const hazard = rows.filter((r) => r.edit.correct === 'hazard');
  const compatible = rows.filter((r) => r.edit.correct === 'compatible');
  const incumbentRan = rows.every((r) => r.incumbent !== undefined);
  return {
    edits: rows.length,
    breaking: breaking.length,
    compatible: compatible.length,
    hazard: hazard.length,
    oursHazards: hazard.filter((r) => oursAnswer(r) === 'hazard').length,
    oursCaught: breaking.filter((r) => r.ours.verdict === 'breaking').length,
    oursFalseAlarms: compatible.filter((r) => r.ours.verdict === 'breaking').length,
    oursRight: rows.filter(oursIsRight).length,
    incumbentRan,
    incumbentCaught: breaking.filter((r) => r.incumbent?.verdict === 'breaking').length,
    incumbentFalseAlarms: compatible.filter((r) => r.incumbent?.verdict === 'breaking').length,
    incumbentRight: rows.filter((r) => incumbentIsRight(r) === true).length,
  };
}

/** The summary line under the table. */
export function summaryLine(rows: readonly CatchRow[]): string {
  const c = catchCounts(rows);
  const ours = `\`uapi diff\` flags ${c.oursCaught}/${c.breaking} breaking edits and reports ${c.oursHazards}/${c.hazard} hazards without failing, with ${c.oursFalseAlarms}/${c.compatible} false alarms (${c.oursRight}/${c.edits} right)`;
  if (!c.incumbentRan) return `${ours}; check-uapi.sh's pipeline was not run.`;
  return `${ours}; check-uapi.sh (abidiff) flags ${c.incumbentCaught}/${c.breaking} with ${c.incumbentFalseAlarms}/${c.compatible} false alarms (${c.incumbentRight}/${c.edits} right).`;
}

/** The Markdown table of a measurement, with the summary line and how it was made. Deterministic: no timings. */
export function renderCatchTable(m: CatchMeasurement): string {
  const lines = [
    '<!-- Generated by bench/catch-table.ts; do not edit. Regenerate: ' + REGENERATE_COMMAND + ' -->',
    '| edit | correct | uapi diff (rule ids) | check-uapi.sh (abidiff) |',
    '|---|---|---|---|',
    ...m.rows.map((r) => `| ${escapeCell(r.edit.name)} | ${r.edit.correct === 'breaking' ? '**breaking**' : r.edit.correct} | ${escapeCell(oursCell(r))} | ${escapeCell(incumbentCell(r))} |`),
    '',
    `**Summary:** ${summaryLine(m.rows)}`,
    '',
    'How it was measured: every edit is one change to the benchmark header `bench/edits/acme-accel-header.ts`;',
    '"correct" is the kernel rule (a binary built against the old header keeps working on every ABI).',
    '`uapi diff` ran in header mode on x86_64, i386, aarch64, arm, riscv64, ppc64le, s390x and mips.',
    m.tools === undefined
      ? 'check-uapi.sh\'s pipeline was not run: ' + m.issues.filter((i) => i.code === 'INCUMBENT_MISSING').map((i) => i.message).join('; ')
      : `check-uapi.sh's pipeline ran on the host ABI (${hostAbi()}) with ${m.tools.ccVersion} and abidiff ${m.tools.abidiffVersion}: ` +
        '`gcc -shared -nostdlib -fPIC -x c -O0 -std=c90 -fno-eliminate-unused-debug-types -g -include <header>` of each side, then ' +
        '`abidiff --non-reachable-types old.so new.so`, judged by the script\'s rule (exit 0, or only additions in the ' +
        '"Unreachable types summary", passes).',
    'Plain abidiff, without the script\'s `--suppressions`: libabigail 2.2 (Debian bookworm; the script asks for 2.4 or later)',
    'crashes (SIGSEGV) on some of them and, with the padding ones, hides real changes that do not touch any padding (a field',
    'swap, a signedness change). On libabigail 2.4 or later the script\'s `_LAST` suppression is meant to pass the',
    'sentinel row, and its `-i` option the struct grown at the end; no suppression reaches the request numbers, `#define`',
    'values or 32-bit layouts that the rows abidiff misses are about.',
    'The array-element row is a hazard for a header diff: a bare header does not say that `acme_cs_chunk` travels as an array',
    '(`STRUCT_GROWN_NOT_CARRIED` names the condition); a spec that declares `chunks_execute` an array of it gets `STRUCT_SIZE_CHANGED`.',
    'The new 32/64-bit struct cannot break an old binary (none uses it) but traps new 32-bit callers: a hazard, and lint S5.',
    '',
  ];
  return lines.join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const unknown = argv.filter((a) => a !== '--write');
  if (unknown.length > 0) {
    process.stderr.write(`catch-table: unknown argument ${unknown[0] ?? ''}\nusage: node dist/bench/catch-table.js [--write]\n`);
    return 2;
  }
  const started = performance.now();
  const m = await measureCatchTable();
  for (const i of m.issues) process.stderr.write(`${formatIssue(i)}\n`);
  if (m.issues.some((i) => i.severity === 'error' && i.code !== 'INCUMBENT_MISSING')) return 2;
  const table = renderCatchTable(m);
  process.stdout.write(table);
  const oursMs = m.rows.reduce((s, r) => s + r.ms.ours, 0);
  const incMs = m.rows.reduce((s, r) => s + (r.ms.incumbent ?? 0), 0);
  process.stderr.write(`catch-table: ${m.rows.length} edits in ${((performance.now() - started) / 1000).toFixed(1)} s (uapi diff ${(oursMs / 1000).toFixed(1)} s, check-uapi.sh pipeline ${(incMs / 1000).toFixed(1)} s)\n`);
  if (argv.includes('--write')) {
    if (m.tools === undefined) {
      process.stderr.write(`catch-table: not writing ${CATCH_TABLE_FILE} without the abidiff column\n`);
      return 2;
    }
    const file = path.resolve(__dirname, '..', '..', CATCH_TABLE_FILE);
    fs.writeFileSync(file, table);
    process.stderr.write(`catch-table: wrote ${CATCH_TABLE_FILE}\n`);
  }
  return 0;
}

if (require.main === module) void main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
