import test from 'ava';
import { packets } from '../device/packets';
import { E } from '../errno';
import { mappedDram, mappedHost, newDevice, RawCaller, runStream, session, submitStream } from '../../harness/testing/emulator-session';

const COMPLETED = 0;

test('a submission runs: LIN_DMA host → DRAM → host moves the bytes', (t) => {
  const { hl } = session();
  const src = mappedHost(hl, 4096);
  const dst = mappedHost(hl, 4096);
  const dram = mappedDram(hl, 4096);
  hl.write(src.address, new Uint8Array(4096).map((_, i) => i & 0xff));
  const r = runStream(hl, packets().linDma(src.va, dram.va, 4096).linDma(dram.va, dst.va, 4096).stop().bytes());
  t.deepEqual(r, { errno: 0, status: COMPLETED });
  t.deepEqual([...(hl.read(dst.address, 4096) ?? [])], [...new Uint8Array(4096).map((_, i) => i & 0xff)]);
});

test('register writes land in the register file; sequence numbers start at 1 and increase', (t) => {
  const { device, hl } = session();
  const a = submitStream(hl, packets().wreg32(0x40, 0xabcd).bytes());
  const b = submitStream(hl, packets().nop().bytes());
  t.deepEqual([a.ok && a.value, b.ok && b.value], [1n, 2n]);
  t.true(hl.waitCs(2n, 1000).ok);
  t.is(device.registers[0x40 / 4], 0xabcd);
});

test('chunk counts: 0 and more than HL_MAX_JOBS_PER_CS are EINVAL', (t) => {
  const raw = RawCaller.open(newDevice());
  t.is(raw.call('DRM_IOCTL_HL_CS', 'hl_cs_in', { num_chunks_execute: 0 }), E.EINVAL);
  t.is(raw.call('DRM_IOCTL_HL_CS', 'hl_cs_in', { chunks_execute: BigInt(raw.scratch), num_chunks_execute: 513 }), E.EINVAL);
  t.is(raw.call('DRM_IOCTL_HL_CS', 'hl_cs_in', { chunks_execute: BigInt(raw.scratch), num_chunks_execute: 1, num_chunks_restore: 513 }), E.EINVAL);
});

test('an unreadable chunk array is EFAULT', (t) => {
  const raw = RawCaller.open(newDevice());
  t.is(raw.call('DRM_IOCTL_HL_CS', 'hl_cs_in', { chunks_execute: 0x10n, num_chunks_execute: 1 }), E.EFAULT);
  t.is(raw.call('DRM_IOCTL_HL_CS', 'hl_cs_in', { chunks_execute: BigInt(raw.scratch + 64 * 1024 - 64), num_chunks_execute: 2 }), E.EFAULT);
});

test('bad chunks: unknown queue, the driver\'s CPU queue, a stale CB, cb_size past the buffer, chunk pad or flags', (t) => {
  const { hl } = session();
  const cb = hl.cb.create(64);
  if (!cb.ok) return t.fail();
  hl.cb.write(cb.value, packets().nop().bytes());
  const submit = (chunk: Record<string, unknown>) => hl.cs.submit({ execute: [{ cb: cb.value, queue: 0, size: 8, ...chunk }] });
  t.deepEqual(submit({ queue: 8 }), { ok: false, errno: E.EINVAL });
  t.deepEqual(submit({ queue: 4 }), { ok: false, errno: E.EINVAL });
  t.deepEqual(submit({ cb: 0x5000n }), { ok: false, errno: E.EINVAL });
  t.deepEqual(submit({ size: 4096 + 8 }), { ok: false, errno: E.EINVAL });
  t.true(submit({ size: 4096 }).ok === false, 'a page of zeros is not a valid stream either');
  const raw = RawCaller.open(newDevice());
  raw.put('hl_cs_chunk', { queue_index: 0, cb_size: 8, pad: [0, 1] }, 1024);
  t.is(raw.call('DRM_IOCTL_HL_CS', 'hl_cs_in', { chunks_execute: BigInt(raw.scratch + 1024), num_chunks_execute: 1 }), E.EINVAL, 'non-zero chunk pad');
  raw.put('hl_cs_chunk', { queue_index: 0, cb_size: 8, cs_chunk_flags: 2 }, 1024);
  t.is(raw.call('DRM_IOCTL_HL_CS', 'hl_cs_in', { chunks_execute: BigInt(raw.scratch + 1024), num_chunks_execute: 1 }), E.EINVAL, 'unknown chunk flag');
});

test('submission flags: unknown bits and features the device lacks are EINVAL; pad must be zero', (t) => {
  const raw = RawCaller.open(newDevice());
  t.is(raw.call('DRM_IOCTL_HL_CS', 'hl_cs_in', { num_chunks_execute: 1, cs_flags: 0x10 }), E.EINVAL);
  t.is(raw.call('DRM_IOCTL_HL_CS', 'hl_cs_in', { num_chunks_execute: 1, cs_flags: 0x2 }), E.EINVAL);
  t.is(raw.call('DRM_IOCTL_HL_CS', 'hl_cs_in', { num_chunks_execute: 1, pad: [0, 0, 1, 0] }), E.EINVAL);
});

test('parser rejections: secured register (EPERM), unknown opcode, odd length (EINVAL), counted as parsing drops', (t) => {
  const { device, hl } = session();
  t.deepEqual(submitStream(hl, packets().wreg32(device.config.securedRegisterBase, 1).bytes()), { ok: false, errno: E.EPERM });
  t.deepEqual(submitStream(hl, packets().word(0x1f000000).word(0).bytes()), { ok: false, errno: E.EINVAL });
  const cb = hl.cb.create(64);
  if (!cb.ok) return t.fail();
  hl.cb.write(cb.value, packets().nop().nop().bytes());
  t.deepEqual(hl.cs.submit({ execute: [{ cb: cb.value, queue: 0, size: 12 }] }), { ok: false, errno: E.EINVAL }, 'unaligned cb_size');
  const counters = hl.info.csCounters();
  t.true(counters.ok && counters.value.ctx_parsing_drop_cnt === 3n && counters.value.total_parsing_drop_cnt === 3n);
});

test('a transfer bigger than its allocation is rejected at submission', (t) => {
  const { hl } = session();
  const src = mappedHost(hl, 4096);
  const dram = mappedDram(hl, 4096);
  // DRAM is mapped in whole 2 MiB pages; the host buffer is exactly 4096 bytes.
  t.deepEqual(submitStream(hl, packets().linDma(src.va, dram.va, 4097).bytes()), { ok: false, errno: E.EINVAL });
  t.deepEqual(submitStream(hl, packets().linDma(src.va, dram.va + 2 * 2 ** 20 - 8, 16).bytes()), { ok: false, errno: E.EINVAL });
  t.true(submitStream(hl, packets().linDma(src.va, dram.va + 2 * 2 ** 20 - 4096, 4096).bytes()).ok);
});

test('submitting after unmap is EINVAL: the buffer is no longer in the context\'s mappings', (t) => {
  const { hl } = session();
  const src = mappedHost(hl, 4096);
  const dst = mappedHost(hl, 4096);
  t.true(hl.mem.unmap(BigInt(src.va)).ok);
  t.deepEqual(submitStream(hl, packets().linDma(src.va, dst.va, 64).bytes()), { ok: false, errno: E.EINVAL });
});

test('a page miss while running (unmapped after submission) aborts the submission: WAIT_CS gives EIO and the fault is reported', (t) => {
  const { hl } = session();
  const src = mappedHost(hl, 4096);
  const dst = mappedHost(hl, 4096);
  const seq = submitStream(hl, packets().linDma(src.va, dst.va, 64).bytes());
  if (!seq.ok) return t.fail();
  t.true(hl.mem.unmap(BigInt(dst.va)).ok);
  t.deepEqual(hl.waitCs(seq.value, 1000), { ok: false, errno: E.EIO });
  const pf = hl.info.pageFaultEvent();
  t.true(pf.ok && pf.value.addr === BigInt(dst.va) && pf.value.timestamp > 0n);
  const maps = hl.info.userMappings(8);
  t.deepEqual(maps.ok && maps.value.map((m) => m.dev_va), [BigInt(src.va)]);
  const events = hl.info.events();
  t.true(events.ok && (events.value & (1n << 8n)) !== 0n, 'HL_NOTIFIER_EVENT_PAGE_FAULT');
});

test('a submission that never finishes times out on the device: ETIMEDOUT, a soft reset, and the timeout event', (t) => {
  const { device, hl } = session();
  const seq = submitStream(hl, packets().fence(300, 1).bytes(), 0, { timeoutSec: 2 });
  if (!seq.ok) return t.fail();
  t.deepEqual(hl.waitCs(seq.value, 1_000_000), { ok: true, value: { status: 1, flags: 0, timestampNsec: 0n, completionMap: 0 } }, 'BUSY after 1 s');
  t.deepEqual(hl.waitCs(seq.value, 5_000_000), { ok: false, errno: E.ETIMEDOUT });
  t.is(device.clock.now, 2e9, 'the wait ended when the submission timed out');
  t.deepEqual(hl.info.resetCount(), { ok: true, value: { hard_reset_cnt: 0, soft_reset_cnt: 1 } });
  const ev = hl.info.csTimeoutEvent();
  t.deepEqual(ev.ok && ev.value, { timestamp: 3_000_000_000n, seq: seq.value }, 'host time: device time + 1 s');
});

test('SKIP_RESET_ON_TIMEOUT leaves other submissions running', (t) => {
  const { hl } = session();
  const stuck = submitStream(hl, packets().fence(300, 1).bytes(), 0, { timeoutSec: 1, flags: ['HL_CS_FLAGS_SKIP_RESET_ON_TIMEOUT'] });
  const other = submitStream(hl, packets().fence(301, 1).bytes(), 1, { timeoutSec: 10 });
  if (!stuck.ok || !other.ok) return t.fail();
  t.deepEqual(hl.waitCs(stuck.value, 2_000_000), { ok: false, errno: E.ETIMEDOUT });
  const w = hl.waitCs(other.value, 0);
  t.true(w.ok && w.value.status === 1, 'still BUSY, not aborted');
});

test('a fence waits for a signal from another queue', (t) => {
  const { hl } = session();
  const waiter = submitStream(hl, packets().fence(400, 2).wreg32(0x80, 1).bytes(), 5);
  if (!waiter.ok) return t.fail();
  t.true((() => { const w = hl.waitCs(waiter.value, 100); return w.ok && w.value.status === 1; })(), 'blocked');
  t.deepEqual(runStream(hl, packets().signal(400, 1, true).signal(400, 1, true).bytes(), 1), { errno: 0, status: COMPLETED });
  const w = hl.waitCs(waiter.value, 100);
  t.true(w.ok && w.value.status === COMPLETED);
});

test('too many submissions in flight is EAGAIN, counted in cs_counters', (t) => {
  const { hl } = session(newDevice({ config: { maxCsInFlight: 2 } }));
  const fence = packets().fence(300, 1).bytes();
  t.true(submitStream(hl, fence).ok);
  t.true(submitStream(hl, fence, 1).ok);
  t.deepEqual(submitStream(hl, fence, 2), { ok: false, errno: E.EAGAIN });
  const c = hl.info.csCounters();
  t.true(c.ok && c.value.ctx_max_cs_in_flight_drop_cnt === 1n);
});

test('restore chunks run on the first submission only, unless FORCE_RESTORE', (t) => {
  const { device, hl } = session();
  const restore = hl.cb.create(64);
  const exec = hl.cb.create(64);
  if (!restore.ok || !exec.ok) return t.fail();
  hl.cb.write(restore.value, packets().signal(500, 1, true).bytes());
  hl.cb.write(exec.value, packets().nop().bytes());
  const s = (flags: string[] = []) => hl.cs.submit({ restore: [{ cb: restore.value, queue: 0, size: 8 }], execute: [{ cb: exec.value, queue: 0, size: 8 }], flags });
  for (const r of [s(), s(), s(['HL_CS_FLAGS_FORCE_RESTORE'])]) if (r.ok) hl.waitCs(r.value, 1000);
  t.is(device.sobs[500], 2);
});

test('a user-allocated command buffer is read through the MMU (HL_CS_CHUNK_FLAGS_USER_ALLOC_CB)', (t) => {
  const { device, hl } = session();
  const buf = mappedHost(hl, 4096);
  hl.write(buf.address, packets().wreg32(0x44, 9).bytes());
  const seq = hl.cs.submit({ execute: [{ cb: BigInt(buf.va), queue: 5, size: 8, userAllocCb: true }] });
  if (!seq.ok) return t.fail(`errno ${seq.errno}`);
  t.true(hl.waitCs(seq.value, 1000).ok);
  t.is(device.registers[0x44 / 4], 9);
  t.deepEqual(hl.cs.submit({ execute: [{ cb: 0x9999_0000n, queue: 5, size: 8, userAllocCb: true }] }), { ok: false, errno: E.EINVAL });
});

test('the CB is copied at submission: rewriting it afterwards changes nothing', (t) => {
  const { device, hl } = session();
  const cb = hl.cb.create(64);
  if (!cb.ok) return t.fail();
  hl.cb.write(cb.value, packets().wreg32(0x48, 1).bytes());
  const seq = hl.cs.submit({ execute: [{ cb: cb.value, queue: 0, size: 8 }] });
  t.deepEqual(hl.cb.usage(cb.value.handle), { ok: true, value: 1 });
  hl.cb.write(cb.value, packets().wreg32(device.config.securedRegisterBase, 1).bytes());
  if (!seq.ok) return t.fail();
  t.true(hl.waitCs(seq.value, 1000).ok);
  t.is(device.registers[0x48 / 4], 1);
  t.is(device.registers[device.config.securedRegisterBase / 4], 0);
  t.deepEqual(hl.cb.usage(cb.value.handle), { ok: true, value: 0 });
});

test('device memory freed by one context reads back as zeros to the next', (t) => {
  const device = newDevice();
  const first = session(device);
  const src = mappedHost(first.hl, 4096);
  first.hl.write(src.address, new Uint8Array(4096).fill(0x5a));
  const d1 = mappedDram(first.hl, 4096);
  t.deepEqual(runStream(first.hl, packets().linDma(src.va, d1.va, 4096).bytes()), { errno: 0, status: COMPLETED });
  t.true(device.dram.residentBytes > 0);
  first.hl.close();
  t.is(device.dram.residentBytes, 0);
  const second = session(device);
  const d2 = mappedDram(second.hl, 4096);
  const dst = mappedHost(second.hl, 4096);
  second.hl.write(dst.address, new Uint8Array(4096).fill(0xff));
  t.deepEqual(runStream(second.hl, packets().linDma(d2.va, dst.va, 4096).bytes()), { errno: 0, status: COMPLETED });
  t.deepEqual([...(second.hl.read(dst.address, 4096) ?? [])], new Array(4096).fill(0));
});
