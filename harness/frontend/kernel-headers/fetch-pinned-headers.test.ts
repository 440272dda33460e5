import test from 'ava';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatIssue } from '../../core/diagnostics/format';
import { PINNED_VERSIONS } from './debian-suites';
import { fetchPinnedKernelHeaders } from './fetch-pinned-headers';
import { mergeTree } from './merge-tree';

test('the pinned 6.1 package is every architecture\'s linux-libc-dev merged into one multiarch tree', (t) => {
  const r = fetchPinnedKernelHeaders('6.1');
  if (r.headers === undefined) return t.fail(r.issues.map(formatIssue).join('\n'));
  t.is(r.headers.version, PINNED_VERSIONS['6.1']);
  for (const triple of ['x86_64-linux-gnu', 'i386-linux-gnu', 'aarch64-linux-gnu', 'arm-linux-gnueabihf', 'powerpc64le-linux-gnu', 's390x-linux-gnu', 'mips-linux-gnu']) {
    t.true(fs.existsSync(path.join(r.headers.includeDir, triple, 'asm', 'ioctl.h')), triple);
  }
  t.true(r.headers.packages.length >= 4);
  for (const p of r.headers.packages) t.regex(p.sha256, /^[0-9a-f]{64}$/);
  t.true(r.headers.notes.some((n) => n.startsWith('riscv64:')), 'the missing riscv64 asm/ is recorded');
  return undefined;
});

test('a version the archive no longer has is a clear issue, and nothing half-done is left', (t) => {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-kh-pinned-'));
  const r = fetchPinnedKernelHeaders('6.12', { cacheDir, version: '6.12.0-0' });
  t.is(r.headers, undefined);
  t.is(r.issues[0]?.code, 'KERNEL_HEADERS_UNAVAILABLE');
  t.regex(r.issues[0]?.message ?? '', /linux-libc-dev=6\.12\.0-0 is no longer in Debian's trixie/);
  t.deepEqual(fs.readdirSync(cacheDir), []);
});

test('merging trees copies new files and reports shared files that differ', (t) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-merge-'));
  const write = (rel: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  write('a/linux/x.h', 'same');
  write('a/linux/y.h', 'one');
  write('a/x86_64-linux-gnu/asm/z.h', 'x86');
  write('b/linux/x.h', 'same');
  write('b/linux/y.h', 'other');
  write('b/aarch64-linux-gnu/asm/z.h', 'arm');
  t.deepEqual(mergeTree(path.join(root, 'a'), path.join(root, 'into')), []);
  t.deepEqual(mergeTree(path.join(root, 'b'), path.join(root, 'into')), [path.join('linux', 'y.h')]);
  t.is(fs.readFileSync(path.join(root, 'into', 'linux', 'y.h'), 'utf8'), 'one');
  t.is(fs.readFileSync(path.join(root, 'into', 'aarch64-linux-gnu', 'asm', 'z.h'), 'utf8'), 'arm');
});
