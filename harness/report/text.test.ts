import test from 'ava';
import { CLEAN_REPORT, DEMO_REPORT } from '../testing/report-data';
import { formatText } from './text';

test('text: file:line:col: RULE level: subject: message, subject first without location, waived kept', (t) => {
  t.is(formatText(DEMO_REPORT), [
    'specs/x/spec.ts:12:3: S2/no-implicit-padding error: struct a.b: 4-byte hole before it; declare `__u32 pad` (on x86_64, arm)',
    'struct a.timeout: S8/64-bit-time warning: a 32-bit count: 100%, overflow soon',
    'a,b:c.h:5: S7/size-multiple-of-4 waived: struct <anonymous #1>: size 12 | not 8 (info waived: frozen <since> 5.1 & "ok")',
    'a.h: FIELD_OFFSET_CHANGED abi-break: struct a.b: offset 4 -> 8',
    'uapi lint demo 1.0.0: failed: 2 errors, 1 warning, 0 info, 1 waived',
    '',
  ].join('\n'));
});

test('text: a clean report is its summary line', (t) => {
  t.is(formatText(CLEAN_REPORT), 'uapi lint clean 1.0.0: passed: 0 errors, 0 warnings, 0 info, 0 waived\n');
});
