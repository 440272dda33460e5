import test from 'ava';
import { constants as osConstants } from 'node:os';
import { formatIssue } from '../../core/diagnostics';
import { EXECUTOR_GONE, NativeProcess } from './native-process';

const E = osConstants.errno;
/** FIONBIO: every descriptor answers it in the VFS (fs/ioctl.c) by reading an int from `arg`. */
const FIONBIO = 0x5421;

function started(t: { fail(message: string): void }, allow: readonly string[] = ['/dev/null']): NativeProcess {
  const s = NativeProcess.start({ allow });
  if (!s.ok) {
    t.fail(s.issues.map(formatIssue).join('\n'));
    throw new Error('no executor');
  }
  return s.process;
}

test('a mapping round-trips bytes; unmapped memory and unknown mappings give errnos, not crashes', (t) => {
  const p = started(t);
  t.teardown(() => p.exit());
  t.is(p.backend, 'native');
  t.is(p.abi.name, process.arch === 'x64' ? 'x86_64' : p.abi.name);
  const m = p.map(3 * p.pageSize + 5);
  if (!m.ok) return t.fail(`map: errno ${m.errno}`);
  const bytes = Uint8Array.from({ length: 3 * p.pageSize + 5 }, (_, i) => (i * 7) & 0xff);
  t.is(p.write(m.value, bytes), 0);
  t.deepEqual(p.read(m.value, bytes.length), { ok: true, value: bytes });
  // Rounded up to whole pages: the rest of the last page is mapped and zero.
  t.deepEqual(p.read(m.value + bytes.length, 3), { ok: true, value: new Uint8Array(3) });
  t.is(p.unmap(m.value), 0);
  t.deepEqual(p.read(m.value, 1), { ok: false, errno: E.EFAULT });
  t.is(p.unmap(m.value), E.EINVAL, 'a mapping unmaps once');
  t.is(p.unmap(12345), E.EINVAL);
});

test('copies larger than one request (16 MiB) are split and arrive whole', (t) => {
  const p = started(t);
  t.teardown(() => p.exit());
  const size = (17 << 20) + 3;
  const m = p.map(size);
  if (!m.ok) return t.fail(`map: errno ${m.errno}`);
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i += 4093) bytes[i] = (i >>> 12) & 0xff || 1;
  t.is(p.write(m.value, bytes), 0);
  const back = p.read(m.value, size);
  t.true(back.ok && Buffer.compare(Buffer.from(back.value), Buffer.from(bytes)) === 0);
  t.is(p.write(m.value + size - 2, new Uint8Array(p.pageSize)), E.EFAULT, 'the last piece runs into the guard');
});

test('guard pages either side of a mapping give EFAULT to read, write and a real ioctl', (t) => {
  const p = started(t);
  t.teardown(() => p.exit());
  const m = p.map(p.pageSize);
  const ro = p.map(p.pageSize, { writable: false });
  if (!m.ok || !ro.ok) return t.fail('map failed');
  const before = m.value - 1;
  const after = m.value + p.pageSize;
  t.deepEqual(p.read(before, 1), { ok: false, errno: E.EFAULT });
  t.deepEqual(p.read(after, 1), { ok: false, errno: E.EFAULT });
  t.deepEqual(p.read(after - 2, 4), { ok: false, errno: E.EFAULT }, 'a read that runs into the guard');
  t.is(p.write(before, new Uint8Array([1])), E.EFAULT);
  t.is(p.write(after - 1, new Uint8Array([1, 2])), E.EFAULT);
  t.is(p.write(ro.value, new Uint8Array([1])), E.EFAULT, 'a read-only mapping');
  t.deepEqual(p.read(ro.value, 2), { ok: true, value: new Uint8Array(2) });
  const fd = p.open('/dev/null');
  if (!fd.ok) return t.fail(`open /dev/null: errno ${fd.errno}`);
  t.deepEqual(p.ioctl(fd.value, FIONBIO, m.value), { errno: 0, value: 0 });
  t.deepEqual(p.ioctl(fd.value, FIONBIO, after - 2), { errno: E.EFAULT, value: -1 }, 'the kernel reads 4 bytes across the guard');
  t.deepEqual(p.ioctl(fd.value, FIONBIO, before - 3), { errno: E.EFAULT, value: -1 });
  t.is(p.close(fd.value), 0);
  t.is(p.close(fd.value), E.EBADF);
});

test('open: a missing allowed path is ENOENT; a path the recipe does not name never reaches the system', (t) => {
  const p = started(t, ['/dev/null', '/nonexistent/uapi-harness-device']);
  t.teardown(() => p.exit());
  t.deepEqual(p.open('/nonexistent/uapi-harness-device'), { ok: false, errno: E.ENOENT });
  t.deepEqual(p.open('/etc/passwd'), { ok: false, errno: E.EACCES });
  t.deepEqual(p.open('/dev/../dev/null').ok, true, 'the allow-list compares resolved paths');
});

test('an executor killed mid-run answers ESRCH to every operation and never hangs or throws', (t) => {
  const p = started(t);
  const fd = p.open('/dev/null');
  const m = p.map(16);
  if (!fd.ok || !m.ok) return t.fail('setup failed');
  p.kill();
  t.deepEqual(p.ioctl(fd.value, FIONBIO, m.value), { errno: EXECUTOR_GONE, value: -1 });
  t.regex(p.gone ?? '', new RegExp(`executor \\(pid ${p.pid}\\)`));
  t.deepEqual(p.read(m.value, 1), { ok: false, errno: EXECUTOR_GONE });
  t.is(p.write(m.value, new Uint8Array(1)), EXECUTOR_GONE);
  t.deepEqual(p.map(1), { ok: false, errno: EXECUTOR_GONE });
  t.deepEqual(p.open('/dev/null'), { ok: false, errno: EXECUTOR_GONE });
  t.is(p.close(fd.value), EXECUTOR_GONE);
  t.is(p.unmap(m.value), EXECUTOR_GONE);
  p.exit();
  p.exit(); // idempotent
  t.not(p.gone, undefined);
});
