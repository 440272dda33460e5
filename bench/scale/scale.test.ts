import test from 'ava';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { median, significant } from '../stats';
import { childrenCpuSeconds } from './children-cpu';
import { countOutcomes, type HeaderOutcome } from './header-outcome';
import { gccIncludeDirs, treeHeaders } from './header-trees';
import { kernelExemptsHeader, skipIfExempt } from './kernel-header-test';
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
    { path: 'd.h', status: 'skipped', reason: 'exempt' },
  ]), { compared: 2, failed: 1, skipped: 1, breaking: 1 });
});

test('a header that does not compile is skipped only when the kernel\'s header test exempts it', (t) => {
  const failed = (path: string): HeaderOutcome => ({ path, status: 'failed', reason: 'old: error CLANG_ERROR: unknown type name \'size_t\'' });
  t.deepEqual(skipIfExempt(failed('linux/sysctl.h'), true), {
    path: 'linux/sysctl.h', status: 'skipped',
    reason: 'the kernel\'s header test exempts it (usr/include/Makefile no-header-test): old: error CLANG_ERROR: unknown type name \'size_t\'',
  });
  t.deepEqual(skipIfExempt(failed('linux/kfd_ioctl.h'), true), failed('linux/kfd_ioctl.h'), 'not exempt: still a failure');
  t.deepEqual(skipIfExempt(failed('linux/sysctl.h'), false), failed('linux/sysctl.h'), 'exempt, but failed for another reason than compiling');
  const compared: HeaderOutcome = { path: 'linux/videodev2.h', status: 'compared', breaking: false };
  t.is(skipIfExempt(compared, false), compared, 'an exempt header that compiles is compared');
  t.true(kernelExemptsHeader('xen/privcmd.h'));
  t.false(kernelExemptsHeader('asm-generic/ioctl.h'));
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
