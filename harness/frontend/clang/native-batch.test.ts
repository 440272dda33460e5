import test from 'ava';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ClangInvocation, ClangRun } from './clang-tool';
import { findClang } from './find-clang';
import { BATCH_SIZE, parseDriverLine, splitAstDumps, splitDiagnostics, splitMarkedDumps } from './native-batch';

test('driver lines are read back as clang -### quotes them', (t) => {
  t.deepEqual(parseDriverLine(' "/usr/bin/clang" "-cc1" "-I" "/tmp/a b\\"c\\$d\\\\e" "-x" "c" "-"'), ['/usr/bin/clang', '-cc1', '-I', '/tmp/a b"c$d\\e', '-x', 'c', '-']);
});

test('AST dumps of a batch are split where one ends `}` and the next begins `{`', (t) => {
  const one = '{\n  "kind": "TranslationUnitDecl",\n  "inner": [\n    {}\n  ]\n}';
  const two = '{\n  "kind": "TranslationUnitDecl"\n}';
  const parts = (text: string, count: number): string[] | undefined =>
    splitAstDumps(Buffer.from(text), count)?.map((r) => text.slice(r.start, r.end));
  t.deepEqual(parts(`${one}${two}`, 2), [one, two]);
  t.deepEqual(parts(one, 1), [one]);
  t.is(parts(`${one}${two}`, 3), undefined, 'a count that does not match is no split');
});

test('filtered dumps are split after each input\'s marker declaration', (t) => {
  const doc = (name: string): string => `{\n  "kind": "EnumConstantDecl",\n  "name": "${name}"\n}\n`;
  const out = doc('__uapi_v0') + doc('__uapi_end') + doc('__uapi_end') + doc('__uapi_w3') + doc('__uapi_end');
  const parts = (text: string, count: number): string[] | undefined =>
    splitMarkedDumps(Buffer.from(text), count, '__uapi_end')?.map((r) => text.slice(r.start, r.end));
  t.deepEqual(parts(out, 3), [doc('__uapi_v0') + doc('__uapi_end'), doc('__uapi_end'), doc('__uapi_w3') + doc('__uapi_end')]);
  t.is(parts(out + doc('__uapi_v1'), 3), undefined, 'documents after the last marker belong to no input');
  t.is(parts(out, 2), undefined);
});

test('diagnostics go to the input whose main file they name, include stacks included', (t) => {
  const files = ['/t/probe-0000.c', '/t/probe-0001.c', '/t/probe-0002.c'];
  const stderr = [
    'In file included from /t/probe-0000.c:1:',
    '/h/bad.h:3:1: error: unknown type name \'x_t\'',
    '/t/probe-0000.c:4:20: error: use of undeclared identifier \'A\'',
    '/h/m.h:2:9: note: expanded from macro \'A\'',
    '/t/probe-0002.c:1:10: fatal error: \'/h/none.h\' file not found',
    '',
  ].join('\n');
  const split = splitDiagnostics(stderr, files);
  t.deepEqual(split?.lines, [[
    'In file included from /t/probe-0000.c:1:', '/h/bad.h:3:1: error: unknown type name \'x_t\'',
    '/t/probe-0000.c:4:20: error: use of undeclared identifier \'A\'', '/h/m.h:2:9: note: expanded from macro \'A\'',
  ], [], ['/t/probe-0002.c:1:10: fatal error: \'/h/none.h\' file not found']]);
  t.is(split?.fatal, 2);
  t.is(splitDiagnostics('error: unknown argument \'-x\'\n', files), undefined, 'a diagnostic without location cannot be attributed');
  t.is(splitDiagnostics('/h/bad.h:3:1: error: x\n', files), undefined, 'nor one before any input is named');
});

/** Small probes that exercise what a batch must keep apart: header errors, a fatal error, plain ones. */
function probes(dir: string): ClangInvocation[] {
  const write = (name: string, text: string): string => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, text);
    return f;
  };
  const good = write('good.h', 'struct good { int a; long b; };\n#define GOOD_VALUE (1 << 4)\n');
  const bad = write('bad.h', 'struct bad { undefined_t a; };\n');
  const sources = [
    `#include "${good}"\nenum { __uapi_v0 = (GOOD_VALUE) };\n`,
    `#include "${bad}"\nenum { __uapi_v0 = (MISSING) };\n`,
    `#include "${path.join(dir, 'absent.h')}"\nenum { __uapi_v0 = 1 };\n`,
    `#include "${bad}"\nenum { __uapi_v0 = (ALSO_MISSING) };\n`,
    ...Array.from({ length: BATCH_SIZE + 2 }, (_, i) => `#include "${good}"\nenum { __uapi_v0 = (GOOD_VALUE + ${i}) };\n`),
  ];
  return sources.map((source) => ({ triple: 'x86_64-linux-gnu', includeDirs: [dir], args: ['-w', '-Xclang', '-ast-dump=json'], source, hostFiles: [good, bad] }));
}

test('a batch gives each probe exactly what a clang run of its own gives', async (t) => {
  const found = await findClang({ env: { ...process.env, UAPI_CLANG: 'native' } });
  const tool = found.tool;
  if (tool?.runMany === undefined) return t.fail(`native clang is needed (apt-get install clang): ${found.issues.map((i) => i.message).join('; ')}`);
  const invocations = probes(fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-batch-')));
  const batched = await tool.runMany(invocations);
  const single = [];
  for (const inv of invocations) single.push(await tool.run(inv));
  t.is(batched.length, invocations.length);
  // Node ids are addresses in clang's memory, different in every run: compare everything else.
  const comparable = (r: ClangRun): ClangRun => ({ exitCode: r.exitCode, stderr: r.stderr, stdout: r.stdout.replace(/"0x[0-9a-f]+"/g, '"0x"') });
  for (const [i, b] of batched.entries()) t.deepEqual(comparable(b), comparable(single[i] as ClangRun), `probe ${i}`);
  t.regex(batched[2]?.stderr ?? '', /fatal error: .*absent\.h' file not found/);
  t.regex(batched[3]?.stderr ?? '', /unknown type name 'undefined_t'/, 'diagnostics after a fatal error are not lost');
  return undefined;
});
