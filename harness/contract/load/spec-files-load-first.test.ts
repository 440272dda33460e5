import test from 'ava';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

// Every built spec file must load as the first module of a fresh process: a spec is data over the DSL
// entry ('uapi-harness/dsl'), so whichever file a tool (or a person with `node -e`) loads first, it
// must not meet a half-initialised module through an import cycle. Each file gets its own process,
// because within one process the second file would find the first one's modules already loaded.
const dist = path.resolve(__dirname, '..', '..', '..');
const specsDir = path.join(dist, 'specs');

function jsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return jsFiles(p);
    return e.isFile() && e.name.endsWith('.js') && !e.name.endsWith('.test.js') ? [p] : [];
  });
}

// The child prints the modules it loaded, so the test also sees that a spec pulls in the spec model
// and its DSL only (the gate, the emulator or the CLI would reach a spec through the library barrel).
const CHILD = `require(process.argv[1]);
process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;

const files = fs.existsSync(specsDir) ? jsFiles(specsDir).sort() : [];

test('the built specs exist (the test below is not vacuous)', (t) => {
  t.true(files.length >= 16, `found ${files.length} built spec files under ${specsDir}`);
});

for (const file of files) {
  const shown = path.relative(dist, file);
  test(`${shown} loads first in a fresh process, pulling in only the spec model and its DSL`, (t) => {
    const r = spawnSync(process.execPath, ['-e', CHILD, file], { cwd: dist, encoding: 'utf8' });
    t.is(r.status, 0, `node -e "require('${shown}')" failed:\n${r.stderr}`);
    const loaded = (JSON.parse(r.stdout) as string[]).map((m) => path.relative(dist, m));
    const foreign = loaded.filter((m) => !m.startsWith(`specs${path.sep}`) && !m.startsWith(path.join('harness', 'core', 'model') + path.sep));
    t.deepEqual(foreign, [], 'modules outside the DSL entry loaded by a spec file');
  });
}
