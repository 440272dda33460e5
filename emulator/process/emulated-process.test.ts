import test from 'ava';
import { E } from '../errno';
import { newDevice, abi } from '../../harness/testing/emulator-session';
import { EmulatedProcess } from './emulated-process';

test('open goes through the emulated /dev: the accel and the pre-accel nodes, ENOENT for any other path', (t) => {
  const d = newDevice({ config: { maxComputeOpens: 2 } });
  const p = EmulatedProcess.on(d, abi('x86_64'));
  t.is(p.backend, 'emulated');
  const fds = ['/dev/accel/accel0', '/dev/hl0', '/dev/accel/accel_controlD0', '/dev/hl_controlD0'].map((n) => p.open(n));
  t.deepEqual(fds, [3, 4, 5, 6].map((fd) => ({ ok: true, value: fd })));
  t.deepEqual(p.open('/dev/accel/accel1'), { ok: false, errno: E.ENOENT });
  t.is(p.close(4), 0);
  t.is(p.close(4), E.EBADF);
  t.deepEqual(p.ioctl(4, 0xc0186401, 0), { errno: E.EBADF, value: 0 });
});

test('map, write, read and unmap: a read-only mapping holds its contents and refuses writes; unmapped bytes fault', (t) => {
  const p = EmulatedProcess.on(newDevice(), abi('i386'));
  const rw = p.map(100);
  const ro = p.map(8, { writable: false, contents: Uint8Array.of(1, 2, 3) });
  if (!rw.ok || !ro.ok) return t.fail();
  t.is(p.write(rw.value + 10, Uint8Array.of(9, 9)), 0);
  t.deepEqual(p.read(rw.value + 9, 4), { ok: true, value: Uint8Array.of(0, 9, 9, 0) });
  t.deepEqual(p.read(ro.value, 4), { ok: true, value: Uint8Array.of(1, 2, 3, 0) });
  t.is(p.write(ro.value, Uint8Array.of(7)), E.EFAULT);
  t.is(p.unmap(rw.value), 0);
  t.deepEqual(p.read(rw.value, 1), { ok: false, errno: E.EFAULT });
  t.is(p.write(rw.value, Uint8Array.of(7)), E.EFAULT);
  p.exit();
  p.exit();
  return undefined;
});
