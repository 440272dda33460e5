import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'ava';
import { runCliCaptured, tempProject } from '../testing/run-cli-captured';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const run = (argv: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) =>
  runCliCaptured(argv, { cwd: opts.cwd ?? repoRoot, ...(opts.env !== undefined ? { env: opts.env } : {}) });

function tempSpec(body: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-cli-'));
  fs.writeFileSync(path.join(dir, 'spec.ts'), body);
  return dir;
}

const HAZARD = `import { defineSpec, struct, ioctl, u32, u64 } from 'uapi-harness';
const hazard = struct('hazard', { a: u32, b: u64, c: u32 });
export const spec = defineSpec({ name: 'hazard', version: '1.0.0',
  ioctls: [ioctl('HAZARD_IOCTL', { dir: 'r', type: 'd', nr: 0x40, arg: hazard })] });
`;

test('layout --format json follows the contract shape on every ABI', async (t) => {
  const dir = tempSpec(HAZARD);
  const r = await run(['layout', dir, '--abi', 'all', '--format', 'json']);
  t.is(r.code, 0, r.err);
  const json = JSON.parse(r.out) as { uapi: unknown; layouts: { abi: string; types: { name: string; size: number; align: number }[]; ioctls: { request: number; dir: string; type: number; nr: number; size: number; arg: string }[] }[] };
  t.deepEqual(json.uapi, { name: 'hazard', version: '1.0.0' });
  t.deepEqual(json.layouts.map((l) => l.abi), ['x86_64', 'i386', 'aarch64', 'arm', 'riscv64', 'ppc64le', 's390x', 'mips']);
  const byAbi = Object.fromEntries(json.layouts.map((l) => [l.abi, l]));
  t.like(byAbi['x86_64']?.types[0], { name: 'hazard', size: 24, align: 8 });
  t.like(byAbi['i386']?.types[0], { name: 'hazard', size: 16, align: 4 });
  t.deepEqual(byAbi['x86_64']?.ioctls[0], { name: 'HAZARD_IOCTL', request: 0x80186440, dir: 'r', type: 100, nr: 64, size: 24, arg: 'hazard' });
  t.is(byAbi['ppc64le']?.ioctls[0]?.request, 0x40186440);
  t.is(byAbi['i386']?.ioctls[0]?.request, 0x80106440);
});

test('an invalid spec exits 2 with file:line:col messages and no stack trace', async (t) => {
  const dir = tempSpec(`import { defineSpec, struct, u32 } from 'uapi-harness';
export const spec = defineSpec({ name: 'bad', version: '1.0.0',
  types: [struct('s', {
    a: u32.flags('nowhere'),
  })] });
`);
  const r = await run(['layout', dir]);
  t.is(r.code, 2);
  t.regex(r.err, /spec\.ts:4:\d+: error SPEC_UNKNOWN_GROUP: struct s\.a: flags\(nowhere\) names no flag group/);
  t.notRegex(r.err, /\n\s+at /);
});

test('usage errors exit 2: unknown command, unknown option, unknown ABI, missing argument', async (t) => {
  t.is((await run(['frobnicate'])).code, 2);
  t.is((await run(['layout', 'x', '--bogus'])).code, 2);
  t.is((await run(['layout'])).code, 2);
  const r = await run(['layout', tempSpec(HAZARD), '--abi', 'vax']);
  t.is(r.code, 2);
  t.regex(r.err, /unknown ABI vax/);
});

test('--help lists commands, and each command has its own help', async (t) => {
  const main = await run(['--help']);
  t.is(main.code, 0);
  t.regex(main.out, /layout/);
  t.regex(main.out, /snapshot/);
  const layout = await run(['layout', '--help']);
  t.regex(layout.out, /usage: uapi layout <uapi>/);
  t.regex(layout.out, /--abi A,B\|all/);
});

test('snapshot: missing goldens fail, --update writes them, then they match; CI refuses --update', async (t) => {
  const project = tempProject('hazard', HAZARD);
  const first = await run(['snapshot'], { cwd: project });
  t.is(first.code, 1);
  t.regex(first.out, /missing golden/);
  t.regex(first.out, /npx uapi snapshot --update/);
  const ci = await run(['snapshot', '--update'], { cwd: project, env: { CI: 'true' } });
  t.is(ci.code, 2);
  t.false(fs.existsSync(path.join(project, 'snapshots')));
  t.is((await run(['snapshot', '--update'], { cwd: project })).code, 0);
  t.true(fs.existsSync(path.join(project, 'snapshots', 'hazard', '1.0.0', 'i386.txt')));
  t.is((await run(['snapshot'], { cwd: project })).code, 0);
  // A layout change shows as a readable diff and fails (i386: 16 -> 20 bytes changes the request number).
  fs.writeFileSync(path.join(project, 'specs', 'hazard', 'spec.ts'), HAZARD.replace('c: u32', 'c: u64'));
  const changed = await run(['snapshot'], { cwd: project });
  t.is(changed.code, 1);
  t.regex(changed.out, /^-#define HAZARD_IOCTL 0x80106440/m);
  t.regex(changed.out, /^\+#define HAZARD_IOCTL 0x80146440/m);
});
