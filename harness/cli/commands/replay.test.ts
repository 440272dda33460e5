import * as fs from 'node:fs';
import * as path from 'node:path';
import test from 'ava';
import { runCliCaptured } from '../../testing/run-cli-captured';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const run = (...argv: string[]) => runCliCaptured(argv, { cwd: repoRoot });
const corpus = path.join(repoRoot, 'snapshots', 'habanalabs', 'regressions');

test('uapi replay <failure-file> reproduces a failure exactly (the corpus entry with its emulator mutation)', async (t) => {
  const file = fs.readdirSync(corpus).find((f) => f.includes('free-while-mapped'));
  t.truthy(file);
  const r = await run('replay', path.join('snapshots', 'habanalabs', 'regressions', file ?? ''));
  t.is(r.code, 1, r.err);
  t.regex(r.out, /^FAIL model\/command-sequences \[x86_64 vs i386\] seed \d+ .*with mutation free-while-mapped/);
  t.regex(r.out, /\[no-use-after-free\] MEM free of its own mapped handle/);
});

test('uapi replay --property --seed --path: fast-check replay, exit 0 when the failure no longer reproduces', async (t) => {
  const failing = await run('replay', '--property', 'D1/nonzero-pad-rejected', '--seed', '99', '--path', '3:1:1:1', '--mutation', 'skip-pad-check', '--format', 'json');
  t.is(failing.code, 1, failing.err);
  t.is((JSON.parse(failing.out) as { verdict: string }).verdict, 'fail');
  const fixed = await run('replay', '--property', 'D1/nonzero-pad-rejected', '--seed', '99', '--path', '3:1:1:1');
  t.is(fixed.code, 0, fixed.err);
  t.regex(fixed.out, /^PASS D1\/nonzero-pad-rejected \[x86_64\] seed 99 path 3:1:1:1: the failure does not reproduce/);
});

test('uapi replay usage errors exit 2', async (t) => {
  t.is((await run('replay')).code, 2);
  const r = await run('replay', '--property', 'no/such', '--seed', '1');
  t.is(r.code, 2);
  t.regex(r.err, /no property no\/such/);
  t.is((await run('replay', '--property', 'D3/unknown-command-enotty', '--seed', '1', '--mutation', 'bogus')).code, 2);
});
