import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'ava';
import type { Io } from '../command';
import { runCli } from '../run-cli';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (s) => { out += s; }, err: (s) => { err += s; }, isTty: false, env: {}, cwd: repoRoot };
  const code = await runCli(argv, io);
  return { code, out, err };
}

function tempSpec(body: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-lint-'));
  fs.writeFileSync(path.join(dir, 'spec.ts'), body);
  return dir;
}

const HOLE = (waivers: string): string => `import { defineSpec, struct, ioctl, u32, u64 } from 'uapi-harness';
const hole = struct('hole', {
  a: u32,
  b: u64,
}${waivers});
export const spec = defineSpec({ name: 'hole', version: '1.0.0',
  ioctls: [ioctl('HOLE_IOCTL', { dir: 'w', type: 'd', nr: 0x40, arg: hole })] });
`;

interface LintJsonShape {
  uapi: { name: string; version: string };
  findings: { rule: string; severity: string; subject: string; message: string; location?: { file: string; line: number; col: number }; abis?: string[]; waived?: boolean; reason?: string }[];
  summary: { errors: number; warnings: number; info: number; waived: number; failed: boolean };
}

test('lint exits 1 on an unwaived error and prints file:line:col: RULE severity: subject: message', async (t) => {
  const dir = tempSpec(HOLE(''));
  const r = await run(['lint', dir]);
  t.is(r.code, 1, r.err);
  t.regex(r.out, /spec\.ts:2:20: S2\/no-implicit-padding error: struct hole\.b: 4-byte hole before it \(offset 4\): .* \(on x86_64, aarch64, arm, riscv64, ppc64le, s390x, mips\)\n/);
  t.regex(r.out, /spec\.ts:2:20: S5\/same-layout-32-64 error: struct hole: size 12 on i386 but 16 on x86_64/);
  t.regex(r.out, /uapi lint hole 1\.0\.0: failed: \d+ errors, 0 warnings, 0 info, 0 waived\n$/);
});

test('lint --format json follows the documented shape', async (t) => {
  const dir = tempSpec(HOLE(''));
  const r = await run(['lint', dir, '--format', 'json', '--abi', 'x86_64,i386']);
  t.is(r.code, 1, r.err);
  const json = JSON.parse(r.out) as LintJsonShape;
  t.deepEqual(json.uapi, { name: 'hole', version: '1.0.0' });
  t.deepEqual(json.findings.map((f) => `${f.rule} ${f.subject} ${(f.abis ?? []).join(',')}`), [
    'S2 struct hole.b x86_64', 'S2 struct hole.b i386', 'S3 struct hole i386', 'S5 struct hole i386,x86_64', 'S5 struct hole.b i386,x86_64',
  ]);
  t.like(json.findings[0], { severity: 'error', location: { file: path.relative(repoRoot, path.join(dir, 'spec.ts')), line: 2, col: 20 } });
  t.deepEqual(json.summary, { errors: 5, warnings: 0, info: 0, waived: 0, failed: true });
});

test('lint exits 0 when every error is waived, and still lists the waived findings', async (t) => {
  const reason = 'demo of a frozen layout';
  const dir = tempSpec(HOLE(`, { lintWaivers: [{ rule: 'S2', reason: '${reason}' }, { rule: 'S3', reason: '${reason}' }, { rule: 'S5', reason: '${reason}' }] }`));
  const r = await run(['lint', dir, '--format', 'json']);
  t.is(r.code, 0, r.out);
  const json = JSON.parse(r.out) as LintJsonShape;
  t.true(json.findings.length > 0);
  t.true(json.findings.every((f) => f.waived === true && f.reason === reason));
  t.is(json.summary.failed, false);
});

test('lint writes every report format', async (t) => {
  const dir = tempSpec(HOLE(''));
  const md = await run(['lint', dir, '--format', 'markdown']);
  t.regex(md.out, /^## ❌ uapi lint hole 1\.0\.0: failed\n/);
  const junit = await run(['lint', dir, '--format', 'junit']);
  t.regex(junit.out, /<testcase classname="S2\/no-implicit-padding" name="struct hole.b">\n\s+<failure type="error"/);
  t.regex(junit.out, /<testcase classname="S13\/header-hygiene" name="S13\/header-hygiene"\/>/);
  const gh = await run(['lint', dir, '--format', 'github']);
  t.regex(gh.out, /^::error file=[^,]*spec\.ts,line=2,col=20,title=S2\/no-implicit-padding error%3A struct hole\.b::/);
  t.deepEqual([md.code, junit.code, gh.code], [1, 1, 1]);
});

test('the habanalabs reference spec lints with no unwaived error', async (t) => {
  const r = await run(['lint', 'specs/habanalabs', '--format', 'json']);
  t.is(r.code, 0, r.out + r.err);
  const json = JSON.parse(r.out) as LintJsonShape;
  t.is(json.summary.errors, 0);
  t.deepEqual(json.findings.filter((f) => f.severity === 'error' && f.waived !== true), []);
});

test('lint exits 2 on bad usage or unreadable input', async (t) => {
  t.is((await run(['lint', 'specs/habanalabs', '--format', 'yaml'])).code, 2);
  t.is((await run(['lint', 'specs/habanalabs', '--abi', 'vax'])).code, 2);
  const missing = await run(['lint', 'no/such/spec']);
  t.is(missing.code, 2);
  t.regex(missing.err, /no\/such\/spec/);
});
