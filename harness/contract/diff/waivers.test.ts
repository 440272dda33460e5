import * as fs from 'node:fs';
import * as path from 'node:path';
import test from 'ava';
import { runCliCaptured, tempProject } from '../../testing/run-cli-captured';
import { readWaivers, splitExpired } from './waivers';

const spec = (version: string, fields: string): string => `import { defineSpec, struct, ioctl, u32, u64 } from 'uapi-harness';
const args = struct('w_args', { ${fields} });
export const spec = defineSpec({ name: 'w', version: '${version}', ioctls: [ioctl('W_IOCTL', { dir: 'rw', type: 'd', nr: 0x40, arg: args })] });
`;

function project(accepted: readonly object[]): string {
  const dir = tempProject('old', spec('1.0.0', 'handle: u64, size: u32, pad: u32.pad()'));
  fs.mkdirSync(path.join(dir, 'specs', 'new'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'specs', 'new', 'spec.ts'), spec('1.1.0', 'size: u32, pad: u32.pad(), handle: u64'));
  fs.writeFileSync(path.join(dir, 'specs', 'new', 'accepted-changes.json'), JSON.stringify({ accepted: accepted }, null, 2));
  return dir;
}

const moved = { rule: 'FIELD_MOVED', subject: 'struct w_args.handle', reason: 'no user yet', owner: 'Jane Doe' };

test('an accepted change may carry owner and expires; it is kept with its location, and splits into live and expired by date', (t) => {
  const dir = project([{ ...moved, expires: '2030-06-30' }, { ...moved, subject: 'struct w_args.size', expires: '2020-06-30' }]);
  const r = readWaivers(path.join(dir, 'specs', 'new', 'accepted-changes.json'));
  t.deepEqual(r.issues, []);
  t.like(r.waivers[0], { owner: 'Jane Doe', expires: '2030-06-30', loc: { line: 3, col: 5 } });
  const on = (today: string) => { const s = splitExpired(r.waivers, today); return [s.live.length, s.expired.length]; };
  t.deepEqual(on('2020-06-30'), [2, 0], 'valid through the expiry day');
  t.deepEqual(on('2020-07-01'), [1, 1]);
  t.deepEqual(on('2030-07-01'), [0, 2]);
});

test('uapi diff: a live waiver accepts the break; an expired one accepts nothing and fails naming itself; an unused one is warned about at its line', async (t) => {
  const live = project([{ ...moved, expires: '2999-12-31' }]);
  const ok = await runCliCaptured(['diff', 'specs/old', 'specs/new', '--abi', 'x86_64', '--format', 'json'], { cwd: live });
  const waivedRules = (out: string) => (JSON.parse(out) as { changes: { rule: string; waived?: boolean }[] }).changes.filter((c) => c.waived === true).map((c) => c.rule);
  t.deepEqual(waivedRules(ok.out), ['FIELD_MOVED']);
  t.notRegex(ok.err, /WAIVER_/);

  const expired = project([{ ...moved, expires: '2020-01-31' }, { rule: 'FIELD_MOVED', subject: 'struct w_args.nothing', reason: 'stale' }]);
  const r = await runCliCaptured(['diff', 'specs/old', 'specs/new', '--abi', 'x86_64', '--format', 'json'], { cwd: expired });
  t.is(r.code, 1);
  t.deepEqual(waivedRules(r.out), [], 'the expired waiver accepted nothing');
  t.regex(r.err, /specs\/new\/accepted-changes\.json:3:5: error WAIVER_EXPIRED: FIELD_MOVED struct w_args\.handle: accepted change expired on 2020-01-31 \(owner: Jane Doe\)/);
  t.regex(r.err, /specs\/new\/accepted-changes\.json:10:5: warning WAIVER_UNUSED: FIELD_MOVED struct w_args\.nothing: accepted change matches nothing/);
});
