import test from 'ava';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { median, significant } from '../stats';
import { childrenCpuSeconds } from './children-cpu';
import { countOutcomes } from './header-outcome';
import { gccIncludeDirs, treeHeaders } from './header-trees';
import { mapConcurrent } from './spawn-async';

function tree(files: readonly string[]): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-tree-'));
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    fs.writeFileSync(path.join(root, f), '/* header */\n');
  }
  return root;
}

test('a whole-tree run visits the old tree\'s headers as check-uapi.sh does, without asm-generic and per-arch asm', (t) => {
  const oldDir = tree(['linux/a.h', 'linux/b.h', 'linux/sub/c.h', 'misc/d.h', 'asm-generic/e.h', 'x86_64-linux-gnu/asm/f.h', 'linux/notes.txt']);
  const newDir = tree(['linux/a.h', 'linux/sub/c.h', 'misc/d.h', 'drm/new.h', 'asm-generic/e.h']);
  t.deepEqual(treeHeaders({ oldDir, newDir, oldLabel: 'old', newLabel: 'new' }), {
    common: ['linux/a.h', 'linux/sub/c.h', 'misc/d.h'],
    removed: ['linux/b.h'],
  });
  t.deepEqual(gccIncludeDirs(oldDir), [oldDir, path.join(oldDir, 'x86_64-linux-gnu')], 'the asm/ folder comes along for gcc');
  t.deepEqual(gccIncludeDirs(newDir), [newDir]);
});

test('concurrent work keeps the items\' order and never runs more than asked at once', async (t) => {
  let running = 0;
  let most = 0;
  const out = await mapConcurrent([30, 5, 20, 1, 10], 2, async (ms) => {
    running++;
    most = Math.max(most, running);
    await new Promise((r) => setTimeout(r, ms));
    running--;
    return ms * 2;
  });
  t.deepEqual(out, [60, 10, 40, 2, 20]);
  t.is(most, 2);
});

test('outcomes are counted per kind', (t) => {
  t.deepEqual(countOutcomes([
    { path: 'a.h', status: 'compared', breaking: true },
    { path: 'b.h', status: 'compared', breaking: false },
    { path: 'c.h', status: 'failed', reason: 'old: gcc: error' },
  ]), { compared: 2, failed: 1, breaking: 1 });
});

test('medians and significant digits', (t) => {
  t.is(median([5, 1, 3]), 3);
  t.is(median([4, 1, 3, 2]), 2.5);
  t.throws(() => median([]));
  t.is(significant(0.0123456), 0.0123);
  t.is(significant(1234.5), 1230);
});

test('CPU time of children that ended is counted, with what they ran themselves', (t) => {
  const before = childrenCpuSeconds();
  if (before === undefined) return t.pass('no /proc here');
  spawnSync(process.execPath, ['-e', "require('child_process').spawnSync(process.execPath, ['-e', 'let x = 0; for (let i = 0; i < 2e8; i++) x += i;'])"]);
  const after = childrenCpuSeconds() as number;
  t.true(after - before > 0.05, `${after - before} s`);
  return undefined;
});
