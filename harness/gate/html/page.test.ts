import test from 'ava';
import type { StepResult } from '../step';
import { formatCheckHtml } from './page';
import { demoCheck } from '../../testing/check-result-data';

const count = (s: string, re: RegExp): number => [...s.matchAll(re)].length;

test('the page is self-contained: no script, no stylesheet link, no external reference', (t) => {
  const page = formatCheckHtml(demoCheck());
  t.true(page.startsWith('<!DOCTYPE html>\n<html lang="en">'));
  t.false(/<script|<link|<img|<iframe|@import|url\((?!#)/i.test(page));
  const refs = [...page.matchAll(/\b(?:href|src)="([^"]*)"/g)].map((m) => m[1] ?? '');
  t.true(refs.length > 0);
  t.deepEqual(refs.filter((r) => !r.startsWith('#')), [], 'every link stays on the page');
  const ids = new Set([...page.matchAll(/\bid="([^"]*)"/g)].map((m) => m[1]));
  t.deepEqual(refs.filter((r) => !ids.has(r.slice(1))), [], 'every link has its target');
  t.is(ids.size, count(page, /\bid="/g), 'ids are unique');
});

test('the failing demo gate: what failed first, then steps, changed layouts old against new, changes, lint, properties, layouts', (t) => {
  const page = formatCheckHtml(demoCheck());
  const order = ['class="verdict v-fail"', 'What failed', 'id="steps"', 'id="changed-demo_args"', '<table class="changes">', 'id="step-lint-demo-1-1-0"', '<table class="properties">', 'id="layouts-demo"'];
  const at = order.map((s) => page.indexOf(s));
  t.false(at.includes(-1), `missing: ${order.filter((_, k) => at[k] === -1).join(', ')}`);
  t.deepEqual([...at].sort((a, b) => a - b), at);
  // Old and new side by side on x86_64 and on i386 (their new layouts differ), then the working layouts.
  t.is(count(page, /<div class="side old">/g), 2);
  t.is(count(page, /<div class="side new">/g), 2);
  for (const mark of ['moved', 'retyped', 'inserted', 'removed', 'renamed']) t.regex(page, new RegExp(`class="field f-${mark}`), mark);
  t.regex(page, /<ul class="legend">.*moved: same name, other offset/);
  t.regex(page, /<g class="hole" data-offset="20" data-size="4">/, 'the new hole before reserved on x86_64');
  t.true(count(page, /<svg [^>]*class="byte-map"/g) >= 3);
  t.regex(page, /npx uapi diff snapshots\/demo\/1\.0\.0\/spec\.json specs\/demo --policy kernel/);
  t.regex(page, /seed 42, path &quot;3:1&quot;|seed 42, path "3:1"/);
});

test('the first screen names the rules that failed in each failed step and the next command to run', (t) => {
  const page = formatCheckHtml(demoCheck());
  const box = page.slice(page.indexOf('<div class="failures">'), page.indexOf('</ul><p class="next">') + '</ul><p class="next">'.length);
  t.regex(box, /diff demo@1\.0\.0 -&gt; 1\.1\.0<\/a>: breaking: 9 change\(s\)\. Reproduce: <code>[^<]*<\/code><div class="rules">Rules that failed: .*<code title="A field is at another offset\.">FIELD_MOVED<\/code>/, 'a diff rule, with its purpose as the title');
  t.regex(box, /<code title="[^"]+">S2\/no-implicit-padding<\/code> ×5/, 'a lint rule with its count');
  t.regex(box, /properties demo 1\.1\.0<\/a>: 1 of 2 properties failed\. Reproduce: <code>[^<]*<\/code><div class="rules">Rules that failed: <code title="rules out pad and reserved bytes [^"]*">D1\/nonzero-pad-rejected<\/code>\.<\/div>/, 'a failed property rule, with its purpose from the rule registry');
  t.regex(page, /<\/ul><p class="next">Next: <code>npx uapi diff snapshots\/demo\/1\.0\.0\/spec\.json specs\/demo --policy kernel<\/code><\/p><\/div>/, 'the first failure\'s command');
});

test('every text from a step is escaped', (t) => {
  const input = demoCheck();
  const evil: StepResult = {
    name: '<script>alert(1)</script>',
    verdict: 'fail',
    summary: '"><img src=x onerror=alert(2)>',
    items: [{ rule: 'X&Y', level: 'error', subject: '</td><b>', message: 'a `<i>` b', location: { file: '"q".h', line: 1 } }],
    command: 'npx uapi check \'<x>\'',
    note: '  recorded  replayed\n≠ result  0  </pre><script>',
  };
  const page = formatCheckHtml({ ...input, result: { ...input.result, steps: [...input.result.steps, evil] } });
  t.false(page.includes('<script>'));
  t.false(page.includes('<img'));
  t.false(page.includes('</td><b>'));
  t.regex(page, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  t.regex(page, /<code>&lt;i&gt;<\/code>/);
  t.regex(page, /X&amp;Y/);
  t.true(page.includes('<pre class="note">  recorded  replayed\n≠ result  0  &lt;/pre&gt;&lt;script&gt;</pre>'), 'the note keeps its columns, escaped');
});

test('the page is deterministic', (t) => {
  t.is(formatCheckHtml(demoCheck()), formatCheckHtml(demoCheck()));
});
