import test from 'ava';
import { ACME_ACCEL_HEADER, ACME_ACCEL_HEADER_NAME } from '../edits';
import { checkUapiCompileArgs } from './compile-header';
import { ABIGAIL_APT_LINE, findIncumbentTools } from './incumbent-tools';
import { runIncumbent } from './run-incumbent';

test('compiles as check-uapi.sh does: debug info of unused types, C90, header force-included', (t) => {
  const args = checkUapiCompileArgs('/h/x.h', '/o/x.so', ['/inc']);
  for (const a of ['-shared', '-nostdlib', '-fPIC', '-O0', '-std=c90', '-fno-eliminate-unused-debug-types', '-g', '-I/inc']) t.true(args.includes(a), a);
  t.deepEqual(args.slice(-3), ['-include', '/h/x.h', '-']);
});

test('a missing abidiff is an issue that says how to install it', (t) => {
  const r = findIncumbentTools({ abidiff: '/nonexistent/abidiff' });
  t.is(r.tools, undefined);
  const missing = r.issues.find((i) => i.path === '/nonexistent/abidiff');
  t.is(missing?.code, 'INCUMBENT_MISSING');
  t.true(missing?.message.includes(ABIGAIL_APT_LINE));
});

test('a missing compiler is an issue too', (t) => {
  const r = findIncumbentTools({ cc: '/nonexistent/gcc' });
  t.is(r.tools, undefined);
  t.is(r.issues.find((i) => i.path === '/nonexistent/gcc')?.code, 'INCUMBENT_MISSING');
});

function toolsOrFail() {
  const r = findIncumbentTools();
  if (r.tools === undefined) throw new Error(`check-uapi.sh's pipeline needs gcc and abidiff (\`${ABIGAIL_APT_LINE}\`): ${r.issues.map((i) => i.message).join('; ')}`);
  return r.tools;
}

test('a header that does not compile is an issue at gcc\'s file:line:col', (t) => {
  const broken = ACME_ACCEL_HEADER.replace('\t__u32 is_idle;\n', '\t__u32 is_idle\n');
  const r = runIncumbent({ fileName: ACME_ACCEL_HEADER_NAME, oldText: ACME_ACCEL_HEADER, newText: broken }, toolsOrFail());
  t.is(r.run, undefined);
  const i = r.issues[0];
  t.is(i?.code, 'INCUMBENT_COMPILE');
  t.regex(i?.loc?.file ?? '', /new\/acme_accel\.h$/);
  t.is(typeof i?.loc?.line, 'number');
});

test('identical headers pass, with timings', (t) => {
  const r = runIncumbent({ fileName: ACME_ACCEL_HEADER_NAME, oldText: ACME_ACCEL_HEADER, newText: ACME_ACCEL_HEADER }, toolsOrFail());
  t.deepEqual(r.issues, []);
  t.like(r.run?.outcome, { verdict: 'passes', exitCode: 0 });
  const timing = r.run?.timing;
  t.true(timing !== undefined && timing.totalMs >= timing.compileMs && timing.compileMs > 0);
});
