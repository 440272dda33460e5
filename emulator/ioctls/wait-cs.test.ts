import test from 'ava';
import { packets } from '../device/packets';
import { E } from '../errno';
import { newDevice, RawCaller, session, submitStream } from '../../harness/testing/emulator-session';

const [COMPLETED, BUSY] = [0, 1];
const FLAG_GONE = 1;
const FLAG_TIMESTAMP_VLD = 2;

test('a wait shorter than the work returns BUSY (success); a longer one COMPLETED; timeout 0 polls', (t) => {
  const { device, hl } = session();
  const src = hl.mem.alloc(2 ** 20);
  if (!src.ok) return t.fail();
  const va = hl.mem.mapDevice(src.value);
  if (!va.ok) return t.fail();
  // 1 MiB in two DMAs: about 131 µs of engine time.
  const seq = submitStream(hl, packets().linDma(va.value, va.value + 2n ** 19n, 2 ** 19).linDma(va.value + 2n ** 19n, va.value, 2 ** 19).bytes());
  if (!seq.ok) return t.fail();
  const poll = hl.waitCs(seq.value, 0);
  t.true(poll.ok && poll.value.status === BUSY);
  t.is(device.clock.now, 0, 'polling lets no time pass');
  const short = hl.waitCs(seq.value, 10);
  t.true(short.ok && short.value.status === BUSY);
  t.is(device.clock.now, 10_000);
  const long = hl.waitCs(seq.value, 1_000_000);
  t.true(long.ok && long.value.status === COMPLETED && long.value.flags === 0);
  t.true(device.clock.now < 200_000, 'the wait ended at completion, not at its timeout');
});

test('HL_CS_FLAGS_TIMESTAMP gives a valid completion timestamp (a NOP takes 8 ns)', (t) => {
  const { device, hl } = session();
  const seq = submitStream(hl, packets().nop().bytes(), 0, { flags: ['HL_CS_FLAGS_TIMESTAMP'] });
  if (!seq.ok) return t.fail();
  const w = hl.waitCs(seq.value, 1000);
  t.deepEqual(w, { ok: true, value: { status: COMPLETED, flags: FLAG_TIMESTAMP_VLD, timestampNsec: BigInt(device.clock.hostTime(8)), completionMap: 0 } });
});

test('a sequence number not issued yet is EINVAL; one long forgotten is COMPLETED with FLAG_GONE', (t) => {
  const { hl } = session(newDevice({ config: { csHistory: 2 } }));
  t.deepEqual(hl.waitCs(1n, 10), { ok: false, errno: E.EINVAL });
  for (let i = 0; i < 4; i++) {
    const s = submitStream(hl, packets().nop().bytes());
    if (s.ok) hl.waitCs(s.value, 1000);
  }
  t.deepEqual(hl.waitCs(1n, 10), { ok: true, value: { status: COMPLETED, flags: FLAG_GONE, timestampNsec: 0n, completionMap: 0 } });
  t.deepEqual(hl.waitCs(5n, 10), { ok: false, errno: E.EINVAL });
});

test('interrupt waits are EINVAL (no user interrupts on this device); unknown flags EINVAL', (t) => {
  const raw = RawCaller.open(newDevice());
  for (const flags of [0x2, 0x10, 0x20, 0x1, 0x8]) t.is(raw.call('DRM_IOCTL_HL_WAIT_CS', 'hl_wait_cs_in', { flags }), E.EINVAL, `flags ${flags}`);
});

test('EINTR when a signal interrupts the sleep, and the call can be restarted', (t) => {
  const { device, process, hl } = session();
  const seq = submitStream(hl, packets().fence(300, 1).bytes());
  if (!seq.ok) return t.fail();
  process.raiseSignal();
  t.deepEqual(hl.waitCs(seq.value, 1000), { ok: false, errno: E.EINTR });
  t.false(process.signalPending, 'the signal was delivered');
  t.is(device.clock.now, 0);
  const again = hl.waitCs(seq.value, 1000);
  t.true(again.ok && again.value.status === BUSY, 'the restarted wait sees the same submission');
  process.raiseSignal();
  const done = submitStream(hl, packets().nop().bytes(), 1);
  if (!done.ok) return t.fail();
  device.advance(1000);
  t.true(hl.waitCs(done.value, 1000).ok, 'no sleep needed, so no EINTR');
});

test('MULTI_CS waits for the first of several and reports which completed', (t) => {
  const { hl } = session();
  const stuck = submitStream(hl, packets().fence(300, 1).bytes(), 0);
  const quick = submitStream(hl, packets().nop().bytes(), 1);
  if (!stuck.ok || !quick.ok) return t.fail();
  const w = hl.cs.waitAny([stuck.value, quick.value], 1000);
  t.true(w.ok && w.value.status === COMPLETED && w.value.completionMap === 0b10);
});

test('MULTI_CS: 0 or more than 32 entries are EINVAL, an unreadable array EFAULT, a non-zero pad EINVAL', (t) => {
  const raw = RawCaller.open(newDevice());
  const multi = 0x4;
  const arr = BigInt(raw.scratch + 1024);
  t.is(raw.call('DRM_IOCTL_HL_WAIT_CS', 'hl_wait_cs_in', { seq: arr, flags: multi, seq_arr_len: 0 }), E.EINVAL);
  t.is(raw.call('DRM_IOCTL_HL_WAIT_CS', 'hl_wait_cs_in', { seq: arr, flags: multi, seq_arr_len: 33 }), E.EINVAL);
  t.is(raw.call('DRM_IOCTL_HL_WAIT_CS', 'hl_wait_cs_in', { seq: 0x10n, flags: multi, seq_arr_len: 2 }), E.EFAULT);
  t.is(raw.call('DRM_IOCTL_HL_WAIT_CS', 'hl_wait_cs_in', { seq: arr, flags: multi, seq_arr_len: 1, pad: [0, 0, 1] }), E.EINVAL);
});
