import test from 'ava';
import { formatGithub } from './github';
import { CLEAN_REPORT, DEMO_REPORT } from '../testing/report-data';

test('github: one workflow command per item, properties and data encoded as the runner decodes them', (t) => {
  t.is(formatGithub(DEMO_REPORT), [
    '::error file=specs/x/spec.ts,line=12,col=3,title=S2/no-implicit-padding error%3A struct a.b::struct a.b: 4-byte hole before it; declare `__u32 pad` (on x86_64, arm)',
    '::warning title=S8/64-bit-time warning%3A struct a.timeout::struct a.timeout: a 32-bit count: 100%25, overflow%0Asoon',
    '::notice file=a%2Cb%3Ac.h,line=5,title=S7/size-multiple-of-4 info waived%3A struct <anonymous #1>::struct <anonymous #1>: size 12 | not 8 (waived: frozen <since> 5.1 & "ok")',
    '::error file=a.h,title=FIELD_OFFSET_CHANGED abi-break%3A struct a.b::struct a.b: offset 4 -> 8',
    '::notice title=uapi lint demo 1.0.0::failed: 2 errors, 1 warning, 0 info, 1 waived',
    '',
  ].join('\n'));
});

test('github: carriage returns and percent signs in properties are encoded too', (t) => {
  const out = formatGithub({ ...CLEAN_REPORT, items: [{ rule: 'R', level: 'error', subject: 'a%b\r\nc', message: 'm', location: { file: 'f%,:\r\n.h', line: 1, col: 2 } }] });
  t.is(out.split('\n')[0], '::error file=f%25%2C%3A%0D%0A.h,line=1,col=2,title=R error%3A a%25b%0D%0Ac::a%25b%0D%0Ac: m');
});
