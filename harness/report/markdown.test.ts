import test from 'ava';
import { formatMarkdown, markdownItems } from './markdown';
import { CLEAN_REPORT, DEMO_REPORT } from '../testing/report-data';

test('markdown: verdict first, open items by level, waived ones folded with reasons, cells escaped', (t) => {
  t.is(formatMarkdown(DEMO_REPORT), [
    '## ❌ uapi lint demo 1.0.0: failed',
    '',
    '2 errors, 1 warning, 0 info, 1 waived',
    '',
    '| Level | Rule | Subject | Message | Where |',
    '| --- | --- | --- | --- | --- |',
    '| ❌ error | `S2/no-implicit-padding` | `struct a.b` | 4-byte hole before it; declare `__u32 pad` (on x86\\_64, arm) | `specs/x/spec.ts:12:3` |',
    '| ❌ abi-break | `FIELD_OFFSET_CHANGED` | `struct a.b` | offset 4 -\\> 8 | `a.h` |',
    '| ⚠️ warning | `S8/64-bit-time` | `struct a.timeout` | a 32-bit count: 100%, overflow<br>soon |  |',
    '',
    '<details>',
    '<summary>1 waived</summary>',
    '',
    '| Level | Rule | Subject | Message | Reason |',
    '| --- | --- | --- | --- | --- |',
    '| info | `S7/size-multiple-of-4` | `struct <anonymous #1>` | size 12 \\| not 8 | frozen \\<since\\> 5.1 & "ok" |',
    '',
    '</details>',
    '',
  ].join('\n'));
});

test('markdown: a clean report says passed with a check mark', (t) => {
  t.is(formatMarkdown(CLEAN_REPORT), '## ✅ uapi lint clean 1.0.0: passed\n\n0 errors, 0 warnings, 0 info, 0 waived\n');
});

test('markdown: an unpaired backtick opens no code span', (t) => {
  const r = formatMarkdown({ ...CLEAN_REPORT, items: [{ rule: 'R', level: 'warning', subject: 's', message: 'a `b_c' }] });
  t.true(r.includes('| a \\`b\\_c |'), r);
});

test('markdown: a report that carries its rules says why each failing rule matters; rows can be capped, with a note', (t) => {
  const rules = [
    { id: 'S2/no-implicit-padding', family: 'lint', level: 'error', severity: 'error', purpose: 'holes are explicit pad fields' },
    { id: 'S8/64-bit-time', family: 'lint', level: 'warning', severity: 'warning', purpose: 'times are 64-bit' },
  ] as const;
  const body = markdownItems({ ...DEMO_REPORT, rules }, { maxRows: 2, elsewhere: '`report.json`', note: 'a ``` b' }).join('\n');
  t.is(body, [
    '2 errors, 0 warnings, 0 info, 0 waived',
    '',
    '| Level | Rule | Subject | Message | Where |',
    '| --- | --- | --- | --- | --- |',
    '| ❌ error | `S2/no-implicit-padding` | `struct a.b` | 4-byte hole before it; declare `__u32 pad` (on x86\\_64, arm) | `specs/x/spec.ts:12:3` |',
    '| ❌ abi-break | `FIELD_OFFSET_CHANGED` | `struct a.b` | offset 4 -\\> 8 | `a.h` |',
    '',
    '````',
    'a ``` b',
    '````',
    '',
    '… and 2 more in `report.json`.',
    '',
    'Why these rules matter:',
    '- `S2/no-implicit-padding`: holes are explicit pad fields',
    '',
  ].join('\n'));
});
