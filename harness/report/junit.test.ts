import test from 'ava';
import { formatJunit } from './junit';
import { CLEAN_REPORT, DEMO_REPORT } from '../testing/report-data';
import { escapeXmlAttribute, escapeXmlText } from './xml-escape';

test('junit: a case per rule and subject, failures exactly the unwaived errors, waived skipped, passing rules listed', (t) => {
  t.is(formatJunit(DEMO_REPORT), [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<testsuites name="uapi lint demo 1.0.0" tests="5" failures="2" errors="0" skipped="1">',
    '  <testsuite name="uapi lint demo 1.0.0" tests="5" failures="2" errors="0" skipped="1">',
    '    <testcase classname="S2/no-implicit-padding" name="struct a.b">',
    '      <failure type="error" message="4-byte hole before it; declare `__u32 pad` (on x86_64, arm)">specs/x/spec.ts:12:3: S2/no-implicit-padding error: struct a.b: 4-byte hole before it; declare `__u32 pad` (on x86_64, arm)</failure>',
    '    </testcase>',
    '    <testcase classname="S8/64-bit-time" name="struct a.timeout">',
    '      <system-out>struct a.timeout: S8/64-bit-time warning: a 32-bit count: 100%, overflow soon</system-out>',
    '    </testcase>',
    '    <testcase classname="S7/size-multiple-of-4" name="struct &lt;anonymous #1&gt;">',
    '      <skipped message="waived: frozen &lt;since&gt; 5.1 &amp; &quot;ok&quot;"/>',
    '      <system-out>a,b:c.h:5: S7/size-multiple-of-4 waived: struct &lt;anonymous #1&gt;: size 12 | not 8 (info waived: frozen &lt;since&gt; 5.1 &amp; "ok")</system-out>',
    '    </testcase>',
    '    <testcase classname="FIELD_OFFSET_CHANGED" name="struct a.b">',
    '      <failure type="abi-break" message="offset 4 -&gt; 8">a.h: FIELD_OFFSET_CHANGED abi-break: struct a.b: offset 4 -&gt; 8</failure>',
    '    </testcase>',
    '    <testcase classname="S1/fixed-width-types" name="S1/fixed-width-types"/>',
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n'));
});

test('junit: a clean report passes every rule', (t) => {
  const xml = formatJunit(CLEAN_REPORT);
  t.true(xml.includes('tests="1" failures="0" errors="0" skipped="0"'));
  t.true(xml.includes('<testcase classname="S1/fixed-width-types" name="S1/fixed-width-types"/>'));
});

test('xml escaping: markup characters become references, characters XML forbids are dropped', (t) => {
  t.is(escapeXmlText('a<b>&c"\'\u0001\u0008\ttab\nline\ud800x'), 'a&lt;b&gt;&amp;c"\'\ttab\nlinex');
  t.is(escapeXmlAttribute('a<b>&c"\'\t\n\r\u001f\uffff😀'), 'a&lt;b&gt;&amp;c&quot;&apos;&#9;&#10;&#13;😀');
});
