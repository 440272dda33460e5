import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'ava';
import { repositoryCopy, runCliCaptured } from '../../testing/run-cli-captured';

// A copy of this repository's specs and snapshots whose configuration gives a round 10 runs per
// property: these tests are about the command's contract, not the depth of a round.
const project = repositoryCopy(10);
const run = (...argv: string[]) => runCliCaptured(argv, { cwd: project });

// Budgets are counts, never seconds: one round of every property is the same work on any machine,
// however loaded, so the ioctl count below is a property of the suite, not of the machine's speed.
test('uapi fuzz --rounds N --seed N --format json: the contract shape, no progress bar when not on a terminal', async (t) => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-fuzz-'));
  const r = await run('fuzz', '--rounds', '1', '--seed', '7', '--shard', '2/3', '--format', 'json', '--out', out);
  t.is(r.code, 0, r.err);
  const j = JSON.parse(r.out) as Record<string, unknown>;
  for (const k of ['ioctls', 'runs', 'failures', 'seed', 'shard']) t.true(k in j, k);
  t.is(j['seed'], 7);
  t.is(j['shard'], '2/3');
  t.true((j['ioctls'] as number) > 1000);
  t.deepEqual(j['failures'], []);
  t.is(r.err, '');
});

test('uapi fuzz --merge: shard reports add up into one; --rounds runs a fixed number of rounds', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-merge-'));
  const files: string[] = [];
  for (const shard of ['1/2', '2/2']) {
    const r = await run('fuzz', '--rounds', '1', '--seed', '3', '--shard', shard, '--format', 'json', '--out', dir);
    t.is(r.code, 0, r.err);
    const f = path.join(dir, `${shard.replace('/', '-')}.json`);
    fs.writeFileSync(f, r.out);
    files.push(f);
  }
  const m = await run('fuzz', '--merge', ...files, '--format', 'json');
  t.is(m.code, 0, m.err);
  const merged = JSON.parse(m.out) as { ioctls: number; shard: string };
  const parts = files.map((f) => (JSON.parse(fs.readFileSync(f, 'utf8')) as { ioctls: number }).ioctls);
  t.is(merged.ioctls, (parts[0] ?? 0) + (parts[1] ?? 0));
  t.is(merged.shard, '1/2,2/2');
});

test('uapi fuzz usage errors exit 2 with the option named', async (t) => {
  for (const [argv, what] of [[['--time', '30'], '--time'], [['--shard', '3/2'], '--shard'], [['--seed', 'x'], '--seed'], [['--merge'], '--merge']] as const) {
    const r = await run('fuzz', ...argv);
    t.is(r.code, 2, argv.join(' '));
    t.true(r.err.includes(what), r.err);
  }
});

test('uapi fuzz --quick runs the quick suite once with the configuration\'s budgets.quickRuns, regression corpus first', async (t) => {
  const r = await run('fuzz', '--quick', '--format', 'text');
  t.is(r.code, 0, r.err);
  t.regex(r.out, /^PASS regression /m);
  t.regex(r.out, /PASS model\/command-sequences \[x86_64 vs i386\] \(10 runs\)/);
});
