import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'ava';
import { runCliCaptured } from '../../testing/run-cli-captured';

// The import cache must key on what each side's include tree holds: the same header text compiled
// against another tree, or against the same tree after one of its files changed, is a new entry.
const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-cache-trees-'));
process.env['UAPI_HARNESS_CACHE_DIR'] = cacheDir;
delete process.env['UAPI_HARNESS_CACHE'];

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

const DEF = (word: string): string => `#ifndef _DEMO_DEF_H\n#define _DEMO_DEF_H\ntypedef ${word} demo_t;\n#endif\n`;

function entries(): number {
  const dir = path.join(cacheDir, 'import');
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir).reduce((n, sub) => n + fs.readdirSync(path.join(dir, sub)).length, 0);
}

test('the same header against two include trees, and against a tree whose file changed, is imported anew each time', async (t) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-trees-'));
  const header = path.join(root, 'loose', 'use.h');
  write(header, '#include <demo_def.h>\nstruct use { demo_t x; };\n');
  write(path.join(root, 'one', 'demo_def.h'), DEF('unsigned int'));
  write(path.join(root, 'two', 'demo_def.h'), DEF('unsigned long long'));
  const size = async (tree: string): Promise<number | undefined> => {
    const r = await runCliCaptured(['layout', header, '--abi', 'x86_64', '--format', 'json', '-I', path.join(root, tree)], { cwd: root });
    t.is(r.code, 0, r.err);
    return (JSON.parse(r.out) as { layouts: { types: { name: string; size: number }[] }[] }).layouts[0]?.types.find((x) => x.name === 'use')?.size;
  };
  t.is(await size('one'), 4);
  const first = entries();
  t.true(first > 0, 'the import was cached');
  t.is(await size('two'), 8);
  t.true(entries() > first, 'another tree is another entry');
  const second = entries();
  t.is(await size('one'), 4);
  t.is(entries(), second, 'the first tree again is served from its entry');
  write(path.join(root, 'one', 'demo_def.h'), DEF('unsigned short'));
  t.is(await size('one'), 2);
  t.true(entries() > second, 'a changed file of the tree is another entry');
});
