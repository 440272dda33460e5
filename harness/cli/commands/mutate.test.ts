import * as path from 'node:path';
import test from 'ava';
import { runCliCaptured } from '../../testing/run-cli-captured';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const run = (...argv: string[]) => runCliCaptured(argv, { cwd: repoRoot });

test('uapi mutate --format json: killed, total and survivors for the mutations asked for; exit 0 at the target', async (t) => {
  const r = await run('mutate', '--mutation', 'skip-pad-check', '--mutation', 'no-scrub-on-free', '--runs', '30', '--format', 'json');
  t.is(r.code, 0, r.err);
  const j = JSON.parse(r.out) as { killed: number; total: number; survivors: unknown[]; baseline: string };
  t.deepEqual({ killed: j.killed, total: j.total, survivors: j.survivors, baseline: j.baseline }, { killed: 2, total: 2, survivors: [], baseline: 'pass' });
});

test('uapi mutate exits 1 below the target (a survivor) and 2 on a bad target', async (t) => {
  // One run per property cannot reach the third open that shows this mutation (deterministic for the seed).
  const low = await run('mutate', '--mutation', 'exclusive-open-unchecked', '--runs', '1', '--target', '1', '--seed', '5');
  t.is(low.code, 1, low.err);
  t.regex(low.out, /SURVIVED exclusive-open-unchecked/);
  t.regex(low.out, /0 of 1 mutations killed \(0\.0%; target 100\.0%\): FAIL/);
  t.is((await run('mutate', '--target', '2')).code, 2);
});
