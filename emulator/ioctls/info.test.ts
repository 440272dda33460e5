import test from 'ava';
import { E } from '../errno';
import { newDevice, RawCaller, session } from '../../harness/testing/emulator-session';

const INFO = 'DRM_IOCTL_HL_INFO';
const OUT = 4096;

/** Calls INFO with the answer buffer at scratch + OUT; returns the errno. */
function info(raw: RawCaller, op: number, returnSize: number, extra: Record<string, unknown> = {}): number {
  return raw.call(INFO, 'hl_info_args', { return_pointer: BigInt(raw.scratch + OUT), return_size: returnSize, op, ...extra });
}

test('every implemented query answers through the runtime with values from the device', (t) => {
  const { device, hl } = session();
  const hw = hl.info.hwIp();
  t.true(hw.ok);
  if (!hw.ok) return;
  t.is(hw.value.device_id, device.config.deviceId);
  t.is(hw.value.dram_size, BigInt(device.config.dramSize - device.config.reservedDramSize));
  t.is(Buffer.from(hw.value.card_name).toString().replace(/\0+$/, ''), device.config.cardName);
  t.deepEqual(hl.info.deviceStatus(), { ok: true, value: { status: 0, pad: 0 } });
  t.deepEqual(hl.info.dramUsage(), { ok: true, value: { dram_free_mem: BigInt(device.dram.freeBytes), ctx_dram_mem: 0n } });
  t.deepEqual(hl.info.hwIdle(), { ok: true, value: { is_idle: 1, busy_engines_mask: 0, busy_engines_mask_ext: [0n, 0n, 0n, 0n] } });
  t.deepEqual(hl.info.clkRate(), { ok: true, value: { cur_clk_rate_mhz: 1600, max_clk_rate_mhz: 1800 } });
  t.deepEqual(hl.info.resetCount(), { ok: true, value: { hard_reset_cnt: 0, soft_reset_cnt: 0 } });
  t.deepEqual(hl.info.utilization(500), { ok: true, value: { utilization: 0, pad: 0 } });
  const sync = hl.info.syncManager(1);
  t.deepEqual(sync.ok && sync.value, { first_available_sync_object: 256, first_available_monitor: 128, first_available_cq: 8, reserved: 0 });
  t.deepEqual(hl.info.pllFrequency(1), { ok: true, value: { output: [800, 400, 200, 100] } });
  const stats = hl.info.openStats();
  t.deepEqual(stats.ok && stats.value, { open_counter: 1n, last_open_period_ms: 0n, is_compute_ctx_active: 1, compute_ctx_in_release: 0, pad: [0, 0, 0, 0, 0, 0] });
  const sizes = hl.info.pageSizes();
  // 2 MiB (bit 21) up to 1 GiB (bit 30).
  t.is(sizes.ok && sizes.value.page_order_bitmask, (1n << 31n) - (1n << 21n));
  t.true(hl.info.timeSync().ok);
  t.true(hl.info.csCounters().ok);
  t.true(hl.info.energy().ok);
  t.true(hl.info.power().ok);
  t.deepEqual(hl.info.hwEvents(4), { ok: true, value: [0, 0, 0, 0] });
  t.deepEqual(hl.info.events(), { ok: true, value: 0n });
  t.deepEqual(device.internalErrors, []);
});

test('the answer is clamped to return_size: nothing past it is written', (t) => {
  const raw = RawCaller.open(newDevice());
  raw.poke(OUT, new Uint8Array(400).fill(0xaa));
  t.is(info(raw, 0, 10), 0);
  t.notDeepEqual([...raw.peek(OUT, 10)], new Array(10).fill(0xaa));
  t.deepEqual([...raw.peek(OUT + 10, 390)], new Array(390).fill(0xaa));
  // A caller with a bigger buffer than the struct gets the struct's 304 bytes only.
  t.is(info(raw, 0, 400), 0);
  t.deepEqual([...raw.peek(OUT + 304, 96)], new Array(96).fill(0xaa));
});

test('no uninitialised byte is copied out: pad and reserved fields of answers are zero', (t) => {
  const raw = RawCaller.open(newDevice());
  raw.poke(OUT, new Uint8Array(400).fill(0xaa));
  t.is(info(raw, 0, 304), 0);
  const hw = raw.get<Record<string, unknown>>('hl_info_hw_ip_info', OUT);
  for (const f of ['reserved1', 'reserved2', 'reserved3', 'reserved4', 'reserved5', 'reserved6', 'reserved7', 'reserved9']) {
    t.true(hw[f] === 0 || hw[f] === 0n, f);
  }
  t.is(info(raw, 4, 8), 0);
  t.deepEqual(raw.get('hl_info_device_status', OUT), { status: 0, pad: 0 });
  t.is(info(raw, 18, 24), 0);
  t.deepEqual(raw.get<{ pad: number[] }>('hl_open_stats_info', OUT).pad, [0, 0, 0, 0, 0, 0]);
});

test('a NULL buffer or a zero return_size is EINVAL; an unmapped buffer EFAULT', (t) => {
  const raw = RawCaller.open(newDevice());
  t.is(raw.call(INFO, 'hl_info_args', { return_pointer: 0n, return_size: 8, op: 4 }), E.EINVAL);
  t.is(info(raw, 4, 0), E.EINVAL);
  t.is(raw.call(INFO, 'hl_info_args', { return_pointer: 0x10n, return_size: 8, op: 4 }), E.EFAULT);
  t.is(raw.call(INFO, 'hl_info_args', { return_pointer: BigInt(raw.scratch + 64 * 1024 - 4), return_size: 8, op: 4 }), E.EFAULT);
});

test('unknown opcodes and a non-zero pad are EINVAL (spec annotations)', (t) => {
  const raw = RawCaller.open(newDevice());
  t.is(info(raw, 5, 8), E.EINVAL, 'opcode 5 is unused');
  t.is(info(raw, 39, 8), E.EINVAL);
  t.is(info(raw, 1000, 8), E.EINVAL);
  t.is(info(raw, 4, 8, { pad: 1 }), E.EINVAL);
});

test('per-op inputs are range-checked: period_ms, dcore_id, pll_index', (t) => {
  const raw = RawCaller.open(newDevice());
  for (const p of [0, 99, 150, 1100]) t.is(info(raw, 6, 8, { period_ms: p }), E.EINVAL, `period ${p}`);
  for (const p of [100, 1000]) t.is(info(raw, 6, 8, { period_ms: p }), 0, `period ${p}`);
  t.is(info(raw, 14, 16, { dcore_id: 4 }), E.EINVAL);
  t.is(info(raw, 16, 8, { pll_index: 4 }), E.EINVAL);
});

test('firmware-backed queries the emulated device lacks are EOPNOTSUPP', (t) => {
  const raw = RawCaller.open(newDevice());
  for (const op of [21, 27, 35, 40]) t.is(info(raw, op, 64), E.EOPNOTSUPP, `op ${op}`);
});

test('a device that is not operational answers status and reset count only (EBUSY otherwise)', (t) => {
  const device = newDevice();
  const raw = RawCaller.open(device);
  device.status = device.constants.HL_DEVICE_STATUS_IN_RESET;
  t.is(info(raw, 4, 8), 0);
  t.is(raw.get<{ status: number }>('hl_info_device_status', OUT).status, 1);
  t.is(info(raw, 9, 8), 0);
  t.is(info(raw, 0, 304), E.EBUSY);
});

test('the control device answers queries without a context, except the eventfd ones', (t) => {
  const device = newDevice();
  const { hl } = session(device);
  const ctl = RawCaller.open(device, 'x86_64', 'control');
  t.is(info(ctl, 2, 16), 0);
  t.is(ctl.get<{ ctx_dram_mem: bigint }>('hl_info_dram_usage', OUT).ctx_dram_mem, 0n);
  for (const op of [28, 29, 30]) t.is(info(ctl, op, 8), E.EOPNOTSUPP);
  t.true(hl.info.deviceStatus().ok);
});

test('eventfd registration is once per file; events are reported once', (t) => {
  const raw = RawCaller.open(newDevice());
  t.is(info(raw, 29, 8), E.EINVAL, 'nothing registered yet');
  t.is(info(raw, 28, 8, { eventfd: 5 }), 0);
  t.is(info(raw, 28, 8, { eventfd: 6 }), E.EBUSY);
  t.is(info(raw, 29, 8), 0);
});

test('ENGINE_STATUS writes text and reports its length in user_buffer_actual_size', (t) => {
  const raw = RawCaller.open(newDevice());
  t.is(info(raw, 32, 20), 0);
  t.is(raw.get<{ user_buffer_actual_size: number }>('hl_info_args').user_buffer_actual_size, 20);
  t.is(Buffer.from(raw.peek(OUT, 20)).toString(), 'queue 0 (dma): idle\n');
  t.is(info(raw, 32, 10), 0);
  t.is(raw.get<{ user_buffer_actual_size: number }>('hl_info_args').user_buffer_actual_size, 10);
});
