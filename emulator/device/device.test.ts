import test from 'ava';
import { defineSpec } from '../../harness/core/model/dsl';
import { E } from '../errno';
import { Process } from '../process/process';
import { abi, newDevice, RawCaller, session } from '../../harness/testing/emulator-session';
import { createDevice } from './create-device';
import { spec as habanalabs } from '../../specs/habanalabs/spec';

test('the compute device opens once (EBUSY the second time); the control device any number of times', (t) => {
  const device = newDevice();
  const p = new Process(abi('x86_64'));
  const first = p.open(device);
  t.true(first.ok);
  t.deepEqual(p.open(device), { ok: false, errno: E.EBUSY });
  t.deepEqual(new Process(abi('x86_64')).open(device), { ok: false, errno: E.EBUSY }, 'from another process too');
  t.true(p.open(device, 'control').ok);
  t.true(p.open(device, 'control').ok);
  if (!first.ok) return;
  t.is(p.close(first.value), 0);
  t.true(p.open(device).ok, 'free again after close');
  t.is(p.close(99), E.EBADF);
});

test('closing a file frees what its context held and ends its submissions', (t) => {
  const device = newDevice();
  const { hl } = session(device);
  const free = device.dram.freeBytes;
  t.true(hl.mem.alloc(4 * 2 ** 20).ok);
  t.true(hl.cb.create(4096).ok);
  t.true(device.cbPoolUsed > 0);
  t.is(hl.close(), 0);
  t.is(device.dram.freeBytes, free);
  t.is(device.cbPoolUsed, 0);
  t.deepEqual(device.liveContexts(), []);
});

test('a device that left the bus answers ENODEV to every call and to open', (t) => {
  const device = newDevice();
  const { process, hl } = session(device);
  device.unplug();
  t.deepEqual(hl.info.deviceStatus(), { ok: false, errno: E.ENODEV });
  t.deepEqual(process.open(device, 'control'), { ok: false, errno: E.ENODEV });
});

test('a hard reset aborts submissions (EIO), counts, and notifies every file', (t) => {
  const device = newDevice();
  const { hl } = session(device);
  const cb = hl.cb.create(64);
  if (!cb.ok) return t.fail();
  hl.cb.write(cb.value, new Uint8Array([1, 1, 0, 0x08, 1, 0, 0, 0])); // FENCE on SOB 257 for value 1
  const seq = hl.cs.submit({ execute: [{ cb: cb.value, queue: 0, size: 8 }] });
  if (!seq.ok) return t.fail(`errno ${seq.errno}`);
  device.hardReset();
  t.deepEqual(hl.waitCs(seq.value, 10), { ok: false, errno: E.EIO });
  t.deepEqual(hl.info.resetCount(), { ok: true, value: { hard_reset_cnt: 1, soft_reset_cnt: 0 } });
  t.deepEqual(hl.info.events(), { ok: true, value: 4n }, 'HL_NOTIFIER_EVENT_DEVICE_RESET');
});

test('a 32-bit process gets the same answers through the 64-bit kernel (D13)', (t) => {
  const device = newDevice({ config: { maxComputeOpens: 2 } });
  const a = session(device, 'x86_64').hl;
  const b = session(device, 'i386').hl;
  const ha = a.info.hwIp();
  const hb = b.info.hwIp();
  t.deepEqual(ha, hb);
  t.deepEqual(b.mem.alloc(2 ** 20).ok, true);
  const raw = RawCaller.open(device, 'arm', 'control');
  raw.put('hl_info_args', { return_pointer: BigInt(raw.scratch + 4096), return_size: 8, op: 8 });
  t.is(raw.ioctl(raw.request('DRM_IOCTL_HL_INFO')), 0);
  t.deepEqual(raw.get('hl_info_clk_rate', 4096), { cur_clk_rate_mhz: 1600, max_clk_rate_mhz: 1800 });
});

test('a spec without what the driver needs gives issues, not a device', (t) => {
  const empty = defineSpec({ name: 'empty', version: '1.0.0' });
  const r = createDevice({ spec: empty });
  t.is(r.device, undefined);
  t.true(r.issues.some((i) => i.code === 'EMULATOR_SPEC_CONSTANT' && i.path === 'constant HL_INFO_HW_IP_INFO'));
  t.true(r.issues.some((i) => i.code === 'EMULATOR_SPEC_TYPE' && i.path === 'struct hl_info_args'));
  const bad = createDevice({ spec: habanalabs, config: { dramPageSize: 1000 } });
  t.true(bad.issues.some((i) => i.path === 'config.dramPageSize'));
});

test('a spec ioctl without a handler answers ENOTTY (and is reported as a warning)', (t) => {
  const r = createDevice({ spec: habanalabs, handlers: [] });
  t.true(r.issues.filter((i) => i.code === 'EMULATOR_NO_HANDLER').length === 6);
  if (r.device === undefined) return t.fail();
  const raw = RawCaller.open(r.device);
  raw.put('hl_info_args', { return_pointer: BigInt(raw.scratch + 4096), return_size: 8, op: 4 });
  t.is(raw.ioctl(raw.request('DRM_IOCTL_HL_INFO')), E.ENOTTY);
});

test('device memory is sparse: a 1 GiB allocation holds no host memory until written', (t) => {
  const { device, hl } = session();
  const h = hl.mem.alloc(2 ** 30);
  t.true(h.ok);
  t.is(device.dram.residentBytes, 0);
});
