import * as fs from 'node:fs';
import * as path from 'node:path';
import test from 'ava';
import { formatIssue } from '../harness/core/diagnostics/format';
import { CATCH_TABLE_FILE, measureCatchTable, oursIsRight, REGENERATE_COMMAND, renderCatchTable, type CatchMeasurement } from './catch-table';
import { EDIT_DEFINITIONS, headerEdits } from './edits';
import { ABIGAIL_APT_LINE } from './incumbent';

// Every test of this file reads the same measurement: each edit through both tools, once.
let measurement: Promise<CatchMeasurement> | undefined;
const measured = (): Promise<CatchMeasurement> => (measurement ??= measureCatchTable());

/** Rules `uapi diff` must report for each edit (it may report more). */
const OUR_RULES: Readonly<Record<string, readonly string[]>> = {
  'pad given a meaning at the same bytes': ['PAD_GIVEN_MEANING'],
  'reserved fields renumbered': ['RESERVED_RENUMBERED'],
  'field moved (same-size swap)': ['FIELD_MOVED'],
  'u32 widened to u64 over its neighbour, same struct size (5.16.12 WAIT_CS)': ['FIELD_RETYPED', 'FIELD_REMOVED'],
  'struct grown at the end of a DRM ioctl argument': ['STRUCT_GROWN_AT_END', 'IOCTL_SIZE_EXTENDED'],
  'field inserted in the middle': ['FIELD_INSERTED', 'FIELD_MOVED'],
  'field removed': ['FIELD_REMOVED'],
  'field signedness changed': ['FIELD_SIGNEDNESS_CHANGED'],
  'field renamed': ['FIELD_RENAMED'],
  'array element struct grown (stride changes)': ['STRUCT_GROWN_NOT_CARRIED'],
  'union member added': ['UNION_MEMBER_ADDED'],
  '__u64 -> __aligned_u64 where it moves the field on i386': ['FIELD_MOVED', 'STRUCT_SIZE_CHANGED'],
  'ioctl nr changed': ['IOCTL_NR_CHANGED'],
  'ioctl type char changed': ['IOCTL_TYPE_CHANGED'],
  'ioctl direction changed': ['IOCTL_DIR_CHANGED'],
  'ioctl size changed on i386 only (argument now a new struct without the explicit pad)': ['IOCTL_SIZE_CHANGED'],
  'ioctl removed': ['IOCTL_REMOVED'],
  'new ioctl whose struct differs between 32 and 64 bits': ['LAYOUT_32_64_DIVERGENCE_NEW_TYPE', 'IOCTL_ADDED'],
  'exported constant changed (GAUDI_FIRST_AVAILABLE_W_S_SYNC_OBJECT style)': ['CONSTANT_VALUE_CHANGED'],
  'constant removed': ['CONSTANT_REMOVED'],
  'flag bit changed': ['FLAG_VALUE_CHANGED'],
  'new flag collides with an existing bit': ['FLAG_COLLISION'],
  'opcode value changed': ['CONSTANT_VALUE_CHANGED'],
  'enum value changed': ['ENUMERATOR_VALUE_CHANGED'],
  'enumerator inserted mid-enum': ['ENUMERATOR_INSERTED', 'ENUMERATOR_VALUE_CHANGED'],
  'enumerator appended, sentinel _LAST moved': ['ENUMERATOR_APPENDED', 'ENUM_SENTINEL_MOVED'],
  'enumerator appended': ['ENUMERATOR_APPENDED'],
  'flag added on a free bit': ['FLAG_ADDED'],
  'ioctl added (same layout on every ABI)': ['IOCTL_ADDED'],
};

/**
 * check-uapi.sh's verdicts as measured with Debian bookworm's gcc 12 and abidiff 2.2 on x86_64
 * (plain abidiff, see bench/incumbent/abidiff-verdict.ts). It sees DWARF struct layouts and enums of
 * the host ABI only: #define values, request numbers and i386 layouts pass unseen; renames of
 * members are filtered as harmless; any changed struct or enumerator fails.
 */
const ABIDIFF_VERDICTS: Readonly<Record<string, 'breaking' | 'passes'>> = {
  'pad given a meaning at the same bytes': 'passes',
  'reserved fields renumbered': 'breaking',
  'field moved (same-size swap)': 'breaking',
  'u32 widened to u64 over its neighbour, same struct size (5.16.12 WAIT_CS)': 'breaking',
  'struct grown at the end of a DRM ioctl argument': 'breaking',
  'field inserted in the middle': 'breaking',
  'field removed': 'breaking',
  'field signedness changed': 'breaking',
  'field renamed': 'passes',
  'array element struct grown (stride changes)': 'breaking',
  'union member added': 'passes',
  '__u64 -> __aligned_u64 where it moves the field on i386': 'passes',
  'ioctl nr changed': 'passes',
  'ioctl type char changed': 'passes',
  'ioctl direction changed': 'passes',
  'ioctl size changed on i386 only (argument now a new struct without the explicit pad)': 'passes',
  'ioctl removed': 'passes',
  'new ioctl whose struct differs between 32 and 64 bits': 'passes',
  'exported constant changed (GAUDI_FIRST_AVAILABLE_W_S_SYNC_OBJECT style)': 'passes',
  'constant removed': 'passes',
  'flag bit changed': 'passes',
  'new flag collides with an existing bit': 'passes',
  'opcode value changed': 'passes',
  'enum value changed': 'breaking',
  'enumerator inserted mid-enum': 'breaking',
  'enumerator appended, sentinel _LAST moved': 'breaking',
  'enumerator appended': 'passes',
  'flag added on a free bit': 'passes',
  'ioctl added (same layout on every ABI)': 'passes',
};

test('the catalogue has at least 20 single edits that apply, both kinds, each with expectations', (t) => {
  const { edits, problems } = headerEdits();
  t.deepEqual(problems, []);
  t.true(edits.length >= 20, `${edits.length} edits`);
  t.is(new Set(edits.map((e) => e.name)).size, edits.length, 'names are unique');
  t.true(edits.some((e) => e.correct === 'breaking') && edits.some((e) => e.correct === 'compatible'));
  for (const e of edits) t.not(e.newText, e.oldText, e.name);
  const names = EDIT_DEFINITIONS.map((d) => d.name).sort();
  t.deepEqual(Object.keys(OUR_RULES).sort(), names, 'every edit has its expected rules, and only edits that exist');
  t.deepEqual(Object.keys(ABIDIFF_VERDICTS).sort(), names, 'every edit has its measured abidiff verdict');
});

test('measuring raises no problem besides a missing incumbent', async (t) => {
  const m = await measured();
  t.deepEqual(m.issues.filter((i) => i.code !== 'INCUMBENT_MISSING').map(formatIssue), []);
  t.is(m.rows.length, EDIT_DEFINITIONS.length);
});

for (const d of EDIT_DEFINITIONS) {
  test(`uapi diff gives the kernel rule's answer: ${d.name}`, async (t) => {
    const row = (await measured()).rows.find((r) => r.edit.name === d.name);
    if (row === undefined) return t.fail('not measured (see the measuring test)');
    const explain = row.ours.changes.map((c) => `${c.rule} ${c.subject}: ${c.message}`).join('\n');
    t.not(row.ours.verdict, 'identical', 'every edit changes something that must be reported');
    t.true(oursIsRight(row), `verdict ${row.ours.verdict} with ${row.ours.hazards} hazard(s), correct ${d.correct}\n${explain}`);
    if (d.correct === 'hazard') t.true(row.ours.hazards > 0 && row.ours.verdict !== 'breaking', 'a hazard edit is reported as a hazard and does not fail');
    const found = new Set(row.ours.changes.map((c) => c.rule));
    for (const rule of OUR_RULES[d.name] ?? []) t.true(found.has(rule), `expected ${rule}\n${explain}`);
    return undefined;
  });
}

test('i386-only edits are reported on i386 and nowhere else', async (t) => {
  const rows = (await measured()).rows;
  const abisOf = (edit: string, rule: string): string[] =>
    [...new Set(rows.find((r) => r.edit.name === edit)?.ours.changes.filter((c) => c.rule === rule).flatMap((c) => c.abis))];
  t.deepEqual(abisOf('__u64 -> __aligned_u64 where it moves the field on i386', 'FIELD_MOVED'), ['i386']);
  t.deepEqual(abisOf('ioctl size changed on i386 only (argument now a new struct without the explicit pad)', 'IOCTL_SIZE_CHANGED'), ['i386']);
});

test('check-uapi.sh (gcc + abidiff) gives the measured verdict on every edit', async (t) => {
  const m = await measured();
  if (m.tools === undefined) {
    const why = m.issues.filter((i) => i.code.startsWith('INCUMBENT')).map(formatIssue).join('\n');
    return t.fail(`check-uapi.sh's pipeline cannot run here; install it with \`${ABIGAIL_APT_LINE}\` (and gcc):\n${why}`);
  }
  const verdicts = Object.fromEntries(m.rows.map((r) => [r.edit.name, r.incumbent?.verdict ?? 'not run']));
  t.deepEqual(verdicts, ABIDIFF_VERDICTS, `measured with abidiff ${m.tools.abidiffVersion}`);
  return undefined;
});

test(`the committed ${CATCH_TABLE_FILE} shows the current measurement`, async (t) => {
  const m = await measured();
  if (m.tools === undefined) return t.fail(`the table needs abidiff: \`${ABIGAIL_APT_LINE}\``);
  // The table and its summary line; the notes under them name tool versions, which differ between machines.
  const tableOf = (text: string): string => text.split('\nHow it was measured')[0] ?? '';
  const committed = fs.readFileSync(path.resolve(__dirname, '..', '..', CATCH_TABLE_FILE), 'utf8');
  t.is(tableOf(committed), tableOf(renderCatchTable(m)), `regenerate it: ${REGENERATE_COMMAND}`);
  return undefined;
});
