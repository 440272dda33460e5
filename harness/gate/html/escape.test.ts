import test from 'ava';
import { anchor, attr, html } from './escape';
import { richText } from './rich-text';

test('html text: markup characters become references, characters HTML cannot carry are dropped', (t) => {
  t.is(html('<script>alert("x")</script> & \u0000\u0007ok'), '&lt;script&gt;alert("x")&lt;/script&gt; &amp; ok');
});

test('attributes: quotes and line breaks are references too', (t) => {
  t.is(attr('a "b" \'c\'\n<d>&'), 'a &quot;b&quot; &apos;c&apos;&#10;&lt;d&gt;&amp;');
});

test('anchors keep letters, digits, - and _ only', (t) => {
  t.is(anchor('step', 'diff demo@1.0.0 -> 1.1.0'), 'step-diff-demo-1-0-0-1-1-0');
  t.is(anchor('type', 'hl_cs_in', '"><x'), 'type-hl_cs_in-x');
});

test('rich text: backtick spans become code, the rest is escaped; an unpaired backtick stays text', (t) => {
  t.is(richText('declare `__u32 pad` <now>'), 'declare <code>__u32 pad</code> &lt;now&gt;');
  t.is(richText('use `<x>` & `y`'), 'use <code>&lt;x&gt;</code> &amp; <code>y</code>');
  t.is(richText('a ` b'), 'a ` b');
});
