import test from 'ava';
import { packets } from '../device/packets';
import { E } from '../errno';
import { newDevice, RawCaller, runStream, session } from '../../harness/testing/emulator-session';

const etr = { type: 'hl_debug_params_etr', value: { buffer_address: 0x1000n, buffer_size: 4096n, sink_mode: 1 } };

test('component ops need debug mode (EBUSY without it)', (t) => {
  const { hl } = session();
  t.deepEqual(hl.debug.configure('HL_DEBUG_OP_ETR', 0, true, etr), { ok: false, errno: E.EBUSY });
  t.true(hl.debug.setMode(true).ok);
  t.true(hl.debug.configure('HL_DEBUG_OP_ETR', 0, true, etr).ok);
  t.true(hl.debug.configure('HL_DEBUG_OP_FUNNEL', 3, true).ok);
  t.true(hl.debug.setMode(false).ok);
  t.deepEqual(hl.debug.setMode(false), { ok: false, errno: E.EBUSY }, 'not in debug mode');
});

test('debug mode is exclusive: taken twice, or with another file open, is EBUSY', (t) => {
  const device = newDevice();
  const { hl } = session(device);
  t.true(hl.debug.setMode(true).ok);
  t.deepEqual(hl.debug.setMode(true), { ok: false, errno: E.EBUSY });
  t.true(hl.debug.setMode(false).ok);
  RawCaller.open(device, 'x86_64', 'control');
  t.deepEqual(hl.debug.setMode(true), { ok: false, errno: E.EBUSY });
});

test('register index, parameters and pad are checked; an unreadable input is EFAULT', (t) => {
  const { hl } = session();
  t.true(hl.debug.setMode(true).ok);
  t.deepEqual(hl.debug.configure('HL_DEBUG_OP_ETR', 1, true, etr), { ok: false, errno: E.EINVAL }, 'ETR has one register block');
  t.deepEqual(hl.debug.configure('HL_DEBUG_OP_ETR', 0, true), { ok: false, errno: E.EINVAL }, 'no parameters');
  t.deepEqual(hl.debug.configure('HL_DEBUG_OP_ETR', 0, true, { type: etr.type, value: { ...etr.value, pad: 1 } }), { ok: false, errno: E.EINVAL });
  const raw = RawCaller.open(newDevice());
  t.is(raw.call('DRM_IOCTL_HL_DEBUG', 'hl_debug_args', { op: 7, enable: 1 }), 0);
  t.is(raw.call('DRM_IOCTL_HL_DEBUG', 'hl_debug_args', { op: 0, input_ptr: 0x10n, input_size: 24 }), E.EFAULT);
  t.is(raw.call('DRM_IOCTL_HL_DEBUG', 'hl_debug_args', { op: 8 }), E.EINVAL);
});

test('SPMU: at most HL_DEBUG_MAX_AUX_VALUES events; disabling reads back the counters', (t) => {
  const { hl } = session();
  t.true(hl.debug.setMode(true).ok);
  t.deepEqual(runStream(hl, packets().nop().nop().bytes()), { errno: 0, status: 0 });
  const spmu = (n: number) => ({ type: 'hl_debug_params_spmu', value: { event_types: [0n, 1n], event_types_num: n } });
  t.deepEqual(hl.debug.configure('HL_DEBUG_OP_SPMU', 0, true, spmu(11)), { ok: false, errno: E.EINVAL });
  t.true(hl.debug.configure('HL_DEBUG_OP_SPMU', 0, true, spmu(2)).ok);
  const out = hl.debug.configure('HL_DEBUG_OP_SPMU', 0, false, spmu(2), 16);
  if (!out.ok) return t.fail();
  const v = new DataView(out.value.buffer);
  t.is(v.getBigUint64(0, true), 2n, 'packets executed');
  t.is(v.getBigUint64(8, true), 0n, 'bytes moved by DMA');
});
