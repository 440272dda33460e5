import test from 'ava';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '..', '..', '..');

// `uapi --help` is what a person runs first and what `npx` pays on every call: it must list the
// commands from their summaries without loading one (a count of modules, not a time).
test('uapi --help lists every command without loading any command module', (t) => {
  const probe = "process.on('exit', () => process.stderr.write(JSON.stringify(Object.keys(require.cache))));";
  const r = spawnSync(process.execPath, ['-e', `${probe} process.argv = [process.argv[0], 'uapi', '--help']; require(${JSON.stringify(path.join(repo, 'bin', 'uapi.js'))});`], { encoding: 'utf8', cwd: repo });
  t.is(r.status, 0, r.stderr);
  t.regex(r.stdout, /^ {2}check-tree +kernel-tree mode/m);
  const loaded = (JSON.parse(r.stderr) as string[]).map((f) => path.relative(repo, f));
  const commands = loaded.filter((f) => f.startsWith(path.join('dist', 'harness', 'cli', 'commands')));
  t.deepEqual(commands.map((f) => path.basename(f)).sort(), ['index.js', 'summaries.js']);
  t.true(loaded.length < 20, `${loaded.length} modules loaded: ${loaded.join(', ')}`);
});
