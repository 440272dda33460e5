import test from 'ava';
import { createDevice } from '../../emulator/device/create-device';
import type { Device } from '../../emulator/device/device';
import { packets } from '../../emulator/device/packets';
import { E } from '../core/boundary/errno';
import { EmulatedProcess } from '../../emulator/process/emulated-process';
import { findAbi, type Abi } from '../core/layout/abi';
import { CONTROL_NODE, HlRuntime } from './hl-runtime';
import { spec as habanalabs } from '../../specs/habanalabs/spec';

function device(maxComputeOpens = 1): Device {
  const d = createDevice({ spec: habanalabs, config: { maxComputeOpens } }).device;
  if (d === undefined) throw new Error('no device');
  return d;
}
const proc = (abi: string, d: Device): EmulatedProcess => EmulatedProcess.on(d, findAbi(abi) as Abi);

test('open gives a runtime, or the errno of open', (t) => {
  const d = device();
  const a = HlRuntime.open(proc('x86_64', d), { spec: d.spec });
  t.true(a.ok);
  t.deepEqual(HlRuntime.open(proc('x86_64', d), { spec: d.spec }), { ok: false, errno: E.EBUSY });
  t.true(HlRuntime.open(proc('x86_64', d), { spec: d.spec, path: CONTROL_NODE }).ok);
  t.deepEqual(HlRuntime.open(proc('x86_64', d), { spec: d.spec, path: '/dev/accel/accel7' }), { ok: false, errno: E.ENOENT });
});

test('typed results: bigint handles and addresses, numbers for 32-bit fields; errnos as values', (t) => {
  const d = device();
  const r = HlRuntime.open(proc('x86_64', d), { spec: d.spec });
  if (!r.ok) return t.fail();
  const hl = r.value;
  const h = hl.mem.alloc(4096);
  t.true(h.ok && typeof h.value === 'bigint');
  const st = hl.info.deviceStatus();
  t.true(st.ok && typeof st.value.status === 'number');
  t.deepEqual(hl.mem.free(0n), { ok: false, errno: E.EINVAL });
});

test('a value that does not fit the struct fails before any ioctl, with the codec\'s issue', (t) => {
  const d = device();
  const r = HlRuntime.open(proc('x86_64', d), { spec: d.spec });
  if (!r.ok) return t.fail();
  const res = r.value.cb.createHandle(2 ** 32);
  t.false(res.ok);
  t.is(!res.ok && res.errno, E.EINVAL);
  t.is(!res.ok && res.issue?.path, 'hl_cb_in.cb_size');
});

test('the same program gives the same results from every ABI (D13), big-endian ones included', (t) => {
  const results = ['x86_64', 'i386', 'aarch64', 'arm', 'riscv64', 'ppc64le', 's390x', 'mips'].map((abi) => {
    const d = device();
    const r = HlRuntime.open(proc(abi, d), { spec: d.spec });
    if (!r.ok) return `${abi}: open errno ${r.errno}`;
    const hl = r.value;
    const src = hl.hostBuffer(4096);
    const dst = hl.hostBuffer(4096);
    if (!src.ok || !dst.ok) return 'no memory';
    hl.write(src.value, Uint8Array.from({ length: 4096 }, (_, i) => i % 251));
    const sva = hl.mem.mapHost(src.value, 4096);
    const dva = hl.mem.mapHost(dst.value, 4096);
    if (!sva.ok || !dva.ok) return 'map failed';
    const cb = hl.cb.create(64);
    if (!cb.ok) return 'cb failed';
    hl.cb.write(cb.value, packets().linDma(sva.value, dva.value, 4096).bytes());
    const seq = hl.cs.submit({ execute: [{ cb: cb.value, queue: 0, size: 24 }] });
    if (!seq.ok) return `submit errno ${seq.errno}`;
    const w = hl.waitCs(seq.value, 1000);
    const back = hl.read(dst.value, 4096);
    return { hw: hl.info.hwIp(), wait: w, same: back?.every((b, i) => b === i % 251) };
  });
  for (const r of results.slice(1)) t.deepEqual(r, results[0]);
  t.true(typeof results[0] === 'object' && results[0].same === true);
});

test('waitAny, usage counts and device addresses through the runtime', (t) => {
  const d = device();
  const r = HlRuntime.open(proc('x86_64', d), { spec: d.spec });
  if (!r.ok) return t.fail();
  const hl = r.value;
  const cb = hl.cb.create(64, { map: true });
  if (!cb.ok) return t.fail();
  hl.cb.write(cb.value, packets().fence(300, 1).bytes());
  const seq = hl.cs.submit({ execute: [{ cb: cb.value, queue: 0, size: 8 }] });
  if (!seq.ok) return t.fail();
  t.deepEqual(hl.cb.usage(cb.value.handle), { ok: true, value: 1 });
  t.true(hl.cb.deviceVa(cb.value.handle).ok);
  const w = hl.cs.waitAny([seq.value], 5);
  t.true(w.ok && w.value.status === 1 && w.value.completionMap === 0);
  t.is(hl.close(), 0);
});
