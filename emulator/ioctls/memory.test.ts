import test from 'ava';
import { E } from '../errno';
import { newDevice, RawCaller, session } from '../../harness/testing/emulator-session';

const MB = 2 ** 20;
const small = { dramSize: 64 * MB, reservedDramSize: 8 * MB, dramPageSize: 2 * MB, maxDramPageSize: 8 * MB };

test('alloc rounds up to the page size and is accounted in dram_usage; free gives it back', (t) => {
  const { device, hl } = session(newDevice({ config: small }));
  const before = device.dram.freeBytes;
  const h = hl.mem.alloc(3 * MB);
  if (!h.ok) return t.fail();
  t.deepEqual(hl.info.dramUsage(), { ok: true, value: { dram_free_mem: BigInt(before - 4 * MB), ctx_dram_mem: BigInt(4 * MB) } });
  t.true(hl.mem.free(h.value).ok);
  t.is(device.dram.freeBytes, before);
  t.deepEqual(hl.mem.free(h.value), { ok: false, errno: E.EINVAL }, 'double free');
});

test('allocating device memory until full ends in ENOMEM, without using host memory for it', (t) => {
  const { device, hl } = session(newDevice({ config: small }));
  const got: bigint[] = [];
  for (;;) {
    const h = hl.mem.alloc(4 * MB);
    if (!h.ok) {
      t.is(h.errno, E.ENOMEM);
      break;
    }
    got.push(h.value);
  }
  t.is(got.length, (64 - 8) / 4);
  t.is(device.dram.freeBytes, 0);
  t.is(device.dram.residentBytes, 0, 'sparse: nothing written, nothing resident');
  t.deepEqual(hl.mem.alloc(1), { ok: false, errno: E.ENOMEM });
});

test('a contiguous allocation needs a free run; a scattered one does not', (t) => {
  const { hl } = session(newDevice({ config: small }));
  const hs = Array.from({ length: 28 }, () => hl.mem.alloc(2 * MB));
  t.true(hs.every((h) => h.ok));
  // Free every other page: 14 pages free, none adjacent.
  hs.forEach((h, i) => { if (i % 2 === 0 && h.ok) hl.mem.free(h.value); });
  t.deepEqual(hl.mem.alloc(4 * MB, { contiguous: true }), { ok: false, errno: E.ENOMEM });
  t.true(hl.mem.alloc(4 * MB).ok);
});

test('size 0 and unsupported page sizes are EINVAL', (t) => {
  const { hl } = session(newDevice({ config: small }));
  t.deepEqual(hl.mem.alloc(0), { ok: false, errno: E.EINVAL });
  t.deepEqual(hl.mem.alloc(MB, { pageSize: MB }), { ok: false, errno: E.EINVAL }, 'smaller than the base page');
  t.deepEqual(hl.mem.alloc(MB, { pageSize: 3 * MB }), { ok: false, errno: E.EINVAL }, 'not a power of two');
  t.deepEqual(hl.mem.alloc(MB, { pageSize: 16 * MB }), { ok: false, errno: E.EINVAL }, 'above the largest');
  t.true(hl.mem.alloc(MB, { pageSize: 8 * MB }).ok);
  t.deepEqual(hl.mem.alloc(2n ** 64n - 1n), { ok: false, errno: E.ENOMEM }, 'no wrap-around when rounding up');
});

test('a mapped allocation cannot be freed; unmapping makes it possible', (t) => {
  const { hl } = session(newDevice({ config: small }));
  const h = hl.mem.alloc(MB);
  if (!h.ok) return t.fail();
  const va = hl.mem.mapDevice(h.value);
  if (!va.ok) return t.fail();
  t.deepEqual(hl.mem.free(h.value), { ok: false, errno: E.EINVAL });
  t.true(hl.mem.unmap(va.value).ok);
  t.deepEqual(hl.mem.unmap(va.value), { ok: false, errno: E.EINVAL }, 'unmapping twice');
  t.true(hl.mem.free(h.value).ok);
});

test('mapping host memory pins the process\'s own memory; unmapped or partly unmapped ranges are EFAULT', (t) => {
  const { hl } = session();
  const buf = hl.hostBuffer(8192);
  if (!buf.ok) return t.fail();
  const va = hl.mem.mapHost(buf.value + 100, 5000);
  t.true(va.ok && va.value % 4096n === 100n, 'the page offset is kept');
  t.deepEqual(hl.mem.mapHost(0x1000, 16), { ok: false, errno: E.EFAULT });
  t.deepEqual(hl.mem.mapHost(buf.value + 4096, 8192), { ok: false, errno: E.EFAULT });
  t.deepEqual(hl.mem.mapHost(buf.value, 0), { ok: false, errno: E.EINVAL });
});

test('hints are honoured when free and aligned; FORCE_HINT fails otherwise', (t) => {
  const { hl } = session(newDevice({ config: small }));
  const a = hl.mem.alloc(MB);
  const b = hl.mem.alloc(MB);
  if (!a.ok || !b.ok) return t.fail();
  const hint = 0x2000_0100_0000n;
  t.deepEqual(hl.mem.mapDevice(a.value, { hint }), { ok: true, value: hint });
  const taken = hl.mem.mapDevice(b.value, { hint });
  t.true(taken.ok && taken.value !== hint, 'taken hint: the driver chooses');
  t.deepEqual(hl.mem.mapDevice(b.value, { hint, forceHint: true }), { ok: false, errno: E.EINVAL });
});

test('unknown handles, blocks and ops are EINVAL; export is EOPNOTSUPP', (t) => {
  const device = newDevice();
  const { hl } = session(device);
  t.deepEqual(hl.mem.free(5n), { ok: false, errno: E.EINVAL });
  t.deepEqual(hl.mem.mapDevice(5n), { ok: false, errno: E.EINVAL });
  t.deepEqual(hl.mem.mapBlock(0x1234), { ok: false, errno: E.EINVAL });
  const cb = hl.cb.createHandle(64);
  t.deepEqual(cb.ok && hl.mem.free(cb.value), { ok: false, errno: E.EINVAL }, 'a CB handle is not a memory handle');
  const raw = RawCaller.open(newDevice());
  t.is(raw.call('DRM_IOCTL_HL_MEMORY', 'hl_mem_in', { op: 7 }), E.EINVAL);
  t.is(raw.call('DRM_IOCTL_HL_MEMORY', 'hl_mem_in', { op: 0, flags: 0x10, alloc: { mem_size: 4096n } }), E.EINVAL, 'unknown flag');
  t.is(raw.call('DRM_IOCTL_HL_MEMORY', 'hl_mem_in', { op: 5 }), E.EOPNOTSUPP);
});

test('a mapped block can be mmapped and shows device registers', (t) => {
  const { device, process, hl } = session();
  const b = hl.mem.mapBlock(0xfc00_0000);
  if (!b.ok) return t.fail();
  t.is(b.value.size, 0x1000);
  const addr = process.mmap(hl.fd, b.value.handle, b.value.size);
  if (!addr.ok) return t.fail();
  process.memory.copyOut(addr.value + 8, Uint8Array.of(0x78, 0x56, 0x34, 0x12), 0, 4);
  t.is(device.registers[2], 0x12345678);
});

test('timestamp buffers: 1..TS_MAX_ELEMENTS_NUM elements, mmappable', (t) => {
  const { process, hl } = session();
  t.deepEqual(hl.mem.tsAlloc(0), { ok: false, errno: E.EINVAL });
  t.deepEqual(hl.mem.tsAlloc((1 << 20) + 1), { ok: false, errno: E.EINVAL });
  const ts = hl.mem.tsAlloc(1000);
  if (!ts.ok) return t.fail();
  t.true(process.mmap(hl.fd, ts.value, 8192).ok);
});

test('closing the file frees its device memory and its contents are scrubbed for the next user', (t) => {
  const device = newDevice({ config: small });
  const first = session(device);
  const free0 = device.dram.freeBytes;
  const h = first.hl.mem.alloc(2 * MB);
  const src = first.hl.hostBuffer(4096);
  if (!h.ok || !src.ok) return t.fail();
  first.hl.write(src.value, new Uint8Array(4096).fill(0x5a));
  const dva = first.hl.mem.mapDevice(h.value);
  const sva = first.hl.mem.mapHost(src.value, 4096);
  if (!dva.ok || !sva.ok) return t.fail();
  t.true(device.dram.residentBytes === 0);
  first.hl.close();
  t.is(device.dram.freeBytes, free0);
  t.is(device.dram.residentBytes, 0);
});
