import test from 'ava';
import { E } from '../errno';
import { newDevice, RawCaller, session } from '../../harness/testing/emulator-session';

const CB = 'DRM_IOCTL_HL_CB';

test('odd and unaligned sizes are accepted; the buffer is at least a page and mmaps at its rounded size', (t) => {
  const { process, hl } = session();
  for (const [size, mapped] of [[0, 4096], [1, 4096], [7, 4096], [4097, 8192], [0x200000 - 32, 0x200000]] as const) {
    const h = hl.cb.createHandle(size);
    if (!h.ok) return t.fail(`create ${size}: errno ${h.errno}`);
    t.deepEqual(process.mmap(hl.fd, h.value, mapped - 4096 || 1), { ok: false, errno: E.EINVAL }, `wrong mmap size for ${size}`);
    t.true(process.mmap(hl.fd, h.value, mapped).ok, `mmap ${size}`);
  }
});

test('sizes above HL_MAX_CB_SIZE are EINVAL', (t) => {
  const { hl } = session();
  t.deepEqual(hl.cb.createHandle(0x200000 - 31), { ok: false, errno: E.EINVAL });
});

test('running out of command-buffer memory is ENOMEM, and destroying gives it back', (t) => {
  const { hl } = session(newDevice({ config: { cbPoolBytes: 3 * 4096 } }));
  const handles = [hl.cb.createHandle(4096), hl.cb.createHandle(4096), hl.cb.createHandle(4096)];
  t.true(handles.every((h) => h.ok));
  t.deepEqual(hl.cb.createHandle(1), { ok: false, errno: E.ENOMEM });
  const first = handles[0];
  if (first?.ok !== true) return t.fail();
  t.true(hl.cb.destroy(first.value).ok);
  t.true(hl.cb.createHandle(1).ok);
});

test('destroy and info of an unknown or destroyed handle are EINVAL', (t) => {
  const { hl } = session();
  const h = hl.cb.createHandle(64);
  if (!h.ok) return t.fail();
  t.deepEqual(hl.cb.usage(h.value), { ok: true, value: 0 });
  t.true(hl.cb.destroy(h.value).ok);
  t.deepEqual(hl.cb.destroy(h.value), { ok: false, errno: E.EINVAL });
  t.deepEqual(hl.cb.usage(h.value), { ok: false, errno: E.EINVAL });
  t.deepEqual(hl.cb.destroy(0x1234n), { ok: false, errno: E.EINVAL });
});

test('HL_CB_FLAGS_MAP gives the buffer a device address; asking one of an unmapped buffer is EINVAL', (t) => {
  const { hl } = session();
  const mapped = hl.cb.createHandle(64, { map: true });
  const plain = hl.cb.createHandle(64);
  if (!mapped.ok || !plain.ok) return t.fail();
  const va = hl.cb.deviceVa(mapped.value);
  t.true(va.ok && va.value >= 0x3000_0000_0000n);
  t.deepEqual(hl.cb.deviceVa(plain.value), { ok: false, errno: E.EINVAL });
});

test('unknown flags and unknown ops are EINVAL', (t) => {
  const raw = RawCaller.open(newDevice());
  t.is(raw.call(CB, 'hl_cb_in', { op: 0, cb_size: 64, flags: 0x4 }), E.EINVAL);
  t.is(raw.call(CB, 'hl_cb_in', { op: 3, cb_size: 64 }), E.EINVAL);
  t.is(raw.call(CB, 'hl_cb_in', { op: 0, cb_size: 64, flags: 0x1 }), 0);
});

test('handles are per file: another file\'s handle is EINVAL there', (t) => {
  const device = newDevice({ config: { maxComputeOpens: 2 } });
  const a = session(device);
  const b = session(device);
  const h = a.hl.cb.createHandle(64);
  if (!h.ok) return t.fail();
  t.deepEqual(b.hl.cb.usage(h.value), { ok: false, errno: E.EINVAL });
  t.deepEqual(b.hl.cb.destroy(h.value), { ok: false, errno: E.EINVAL });
  t.true(a.hl.cb.usage(h.value).ok);
  t.false(b.process.mmap(b.hl.fd, h.value, 4096).ok, 'nor can it be mmapped there');
});

test('the device in reset refuses CB calls with EBUSY', (t) => {
  const { device, hl } = session();
  device.status = device.constants.HL_DEVICE_STATUS_IN_RESET;
  t.deepEqual(hl.cb.createHandle(64), { ok: false, errno: E.EBUSY });
});
