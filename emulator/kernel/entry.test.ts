import test from 'ava';
import * as fc from 'fast-check';
import { valueArbitrary } from '../../harness/core/codec';
import { encodeRequest } from '../../harness/core/layout/ioctl-encoding';
import { E } from '../errno';
import { mutationSet } from '../mutations';
import { ArgChecks } from './arg-checks';
import type { RecordPlan } from '../../harness/core/codec';
import { newDevice, RawCaller } from '../../harness/testing/emulator-session';

const INFO = 'DRM_IOCTL_HL_INFO';
const WAIT = 'DRM_IOCTL_HL_WAIT_CS';

test('an unknown nr or a type other than \'d\' gives ENOTTY; a known nr dispatches', (t) => {
  const raw = RawCaller.open(newDevice());
  t.is(raw.ioctl(encodeRequest('generic', 'rw', 0x64, 0x46, 24)), E.ENOTTY, 'nr past DRM_IOCTL_HL_DEBUG');
  t.is(raw.ioctl(encodeRequest('generic', 'rw', 0x64, 0x00, 24)), E.ENOTTY, 'a DRM core nr the emulator does not implement');
  t.is(raw.ioctl(encodeRequest('generic', 'rw', 0x48, 0x40, 24)), E.ENOTTY, "the pre-6.12 type 'H'");
  raw.put('hl_info_args', { return_pointer: BigInt(raw.scratch + 4096), return_size: 8, op: 4 });
  t.is(raw.ioctl(raw.request(INFO)), 0);
});

test('the control device answers INFO only', (t) => {
  const device = newDevice();
  const ctl = RawCaller.open(device, 'x86_64', 'control');
  ctl.put('hl_info_args', { return_pointer: BigInt(ctl.scratch + 4096), return_size: 8, op: 4 });
  t.is(ctl.ioctl(ctl.request(INFO)), 0);
  t.is(ctl.call('DRM_IOCTL_HL_CB', 'hl_cb_in', { op: 0, cb_size: 4096 }), E.ENOTTY);
});

test('an unreadable argument gives EFAULT', (t) => {
  const raw = RawCaller.open(newDevice());
  t.is(raw.process.ioctl(raw.fd, raw.request(INFO), 0n), E.EFAULT);
  t.is(raw.process.ioctl(raw.fd, raw.request(INFO), raw.scratch + 64 * 1024 - 8), E.EFAULT, 'struct runs off the mapping');
  t.is(raw.process.ioctl(99, raw.request(INFO), raw.scratch), E.EBADF);
});

test('a shorter struct is zero-extended: bytes after the caller\'s size are never read', (t) => {
  const raw = RawCaller.open(newDevice());
  raw.put('hl_info_args', { return_pointer: BigInt(raw.scratch + 4096), return_size: 8, op: 4 });
  raw.poke(16, new Uint8Array(8).fill(0xee));
  // 16 bytes: the union and pad (offsets 16..24) are zero in the kernel's copy, so pad passes.
  t.is(raw.ioctl(raw.request(INFO, 16)), 0);
  t.deepEqual([...raw.peek(16, 8)], new Array(8).fill(0xee), 'and they are not written back');
  // 24 bytes: the same garbage is now pad, which must be zero.
  t.is(raw.ioctl(raw.request(INFO, 24)), E.EINVAL);
});

test('an old 24-byte WAIT_CS (Linux 5.10) waits like a new one', (t) => {
  const device = newDevice();
  const raw = RawCaller.open(device);
  t.is(raw.call('DRM_IOCTL_HL_CB', 'hl_cb_in', { op: 0, cb_size: 4096 }), 0);
  const handle = raw.get<{ cb_handle: bigint }>('hl_cb_out').cb_handle;
  const mapped = raw.process.mmap(raw.fd, handle, 4096);
  if (!mapped.ok) return t.fail();
  raw.process.memory.copyOut(mapped.value, Uint8Array.of(0, 0, 0, 0x0b, 0, 0, 0, 0), 0, 8);
  raw.put('hl_cs_chunk', { cb_handle: handle, queue_index: 0, cb_size: 8 }, 1024);
  t.is(raw.call('DRM_IOCTL_HL_CS', 'hl_cs_in', { chunks_execute: BigInt(raw.scratch + 1024), num_chunks_execute: 1 }), 0);
  const seq = raw.get<{ seq: bigint }>('hl_cs_out').seq;
  raw.poke(0, new Uint8Array(64).fill(0xee));
  raw.put('hl_wait_cs_in', { seq, timeout_us: 1000n });
  raw.poke(24, new Uint8Array(32).fill(0xee));
  t.is(raw.ioctl(raw.request(WAIT, 24)), 0);
  t.is(raw.get<{ status: number }>('hl_wait_cs_out').status, 0, 'HL_WAIT_CS_STATUS_COMPLETED');
  t.deepEqual([...raw.peek(24, 32)], new Array(32).fill(0xee));
});

test('the caller\'s size is copied back, not the driver\'s', (t) => {
  const raw = RawCaller.open(newDevice());
  raw.put('hl_cb_in', { op: 0, cb_size: 4096 });
  // A 16-byte caller: ctx_id and flags (16..24) are not read (0xee flags would be rejected) nor written.
  raw.poke(16, new Uint8Array(8).fill(0xee));
  t.is(raw.ioctl(raw.request('DRM_IOCTL_HL_CB', 16)), 0);
  t.not(raw.get<{ cb_handle: bigint }>('hl_cb_out').cb_handle, 0n, 'the handle came back');
  t.deepEqual([...raw.peek(8, 8)], new Array(8).fill(0), 'the rest of the 16 bytes is the driver\'s cleared output');
  t.deepEqual([...raw.peek(16, 8)], new Array(8).fill(0xee));
});

test('a longer struct: extra bytes are ignored (the spec\'s tail policy) and echoed back as they were', (t) => {
  const raw = RawCaller.open(newDevice());
  raw.put('hl_info_args', { return_pointer: BigInt(raw.scratch + 4096), return_size: 8, op: 4 });
  raw.poke(24, Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8));
  t.is(raw.ioctl(raw.request(INFO, 32)), 0);
  t.deepEqual([...raw.peek(24, 8)], [1, 2, 3, 4, 5, 6, 7, 8]);
});

test('a caller that does not pass the argument in (_IOR) makes the driver read zeros', (t) => {
  const raw = RawCaller.open(newDevice());
  raw.put('hl_info_args', { return_pointer: BigInt(raw.scratch + 4096), return_size: 8, op: 4 });
  // return_pointer reads as 0: EINVAL, and the zeroed struct is copied back.
  t.is(raw.ioctl(raw.request(INFO, 24, 'r')), E.EINVAL);
  t.deepEqual([...raw.peek(0, 24)], new Array(24).fill(0));
});

test('request numbers follow the caller\'s ABI: ppc64le and mips encode directions differently', (t) => {
  const device = newDevice();
  for (const abi of ['ppc64le', 'mips', 'i386', 's390x']) {
    const raw = RawCaller.open(device, abi, 'control');
    raw.put('hl_info_args', { return_pointer: BigInt(raw.scratch + 4096), return_size: 8, op: 4 });
    t.is(raw.ioctl(raw.request(INFO)), 0, abi);
    t.is(raw.get<{ status: number }>('hl_info_device_status', 4096).status, 0, abi);
  }
  const ppc = RawCaller.open(device, 'ppc64le', 'control');
  // _IOWR happens to encode alike; _IOR does not: x86's _IOR is _IOW on powerpc.
  t.is(ppc.request(INFO), encodeRequest('generic', 'rw', 0x64, 0x40, 24));
  t.is(ppc.request(INFO, 24, 'r'), encodeRequest('generic', 'w', 0x64, 0x40, 24));
});

test('property: the entry returns an errno for any request and any argument bytes, and never throws', (t) => {
  const device = newDevice();
  const raw = RawCaller.open(device);
  fc.assert(fc.property(
    fc.integer({ min: 0x40, max: 0x46 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 200 }), fc.uint8Array({ minLength: 200, maxLength: 200 }),
    (nr, dir, size, bytes) => {
      raw.poke(0, bytes);
      const rc = raw.ioctl(((dir << 30) | (size << 16) | (0x64 << 8) | nr) >>> 0);
      return Number.isInteger(rc) && rc >= 0 && device.internalErrors.length === 0;
    },
  ), { seed: 7, numRuns: 3000 });
  t.deepEqual(device.internalErrors, []);
});

test('property: well-formed arguments with random field values (valid ops mostly) never make a handler throw', (t) => {
  // [ioctl, input struct, its op-like field and the values that field accepts]
  const targets = [
    ['DRM_IOCTL_HL_INFO', 'hl_info_args', 'op', 41],
    ['DRM_IOCTL_HL_CB', 'hl_cb_in', 'op', 3],
    ['DRM_IOCTL_HL_CS', 'hl_cs_in', undefined, 0],
    ['DRM_IOCTL_HL_WAIT_CS', 'hl_wait_cs_in', undefined, 0],
    ['DRM_IOCTL_HL_MEMORY', 'hl_mem_in', 'op', 7],
    ['DRM_IOCTL_HL_DEBUG', 'hl_debug_args', 'op', 8],
  ] as const;
  const probe = RawCaller.open(newDevice());
  const call = fc.oneof(...targets.map(([ioctl, type, opField, ops]) => {
    const values = valueArbitrary(probe.codec(type).plan) as fc.Arbitrary<Record<string, unknown>>;
    return fc.tuple(fc.constant(ioctl), fc.constant(type), values, fc.integer({ min: 0, max: Math.max(ops - 1, 0) }), fc.boolean())
      .map(([i, ty, v, op, keepOp]) => ({ ioctl: i, type: ty, value: opField !== undefined && !keepOp ? { ...v, [opField]: op } : v }));
  }));
  // Make most calls pass the annotation checks so that they reach the handlers: zero pad/reserved,
  // keep flags inside their group.
  const checks = new Map(targets.map(([, type]) => [type, new ArgChecks(probe.device.spec, probe.codec(type).plan as RecordPlan, type, mutationSet()).checks]));
  const results = new Map<number, number>();
  fc.assert(fc.property(fc.array(call, { minLength: 1, maxLength: 8 }), (calls) => {
    const device = newDevice();
    const raw = RawCaller.open(device);
    for (const c of calls) {
      raw.put(c.type, c.value);
      const view = new DataView(raw.peek(0, 64).buffer);
      for (const k of checks.get(c.type) ?? []) {
        if (k.kind === 'oneOf' || k.access.bytes !== 4 && k.kind === 'flags') continue;
        const le = k.access.littleEndian;
        if (k.access.bytes === 4) view.setUint32(k.offset, k.kind === 'zero' ? 0 : (view.getUint32(k.offset, le) & k.maskNum) >>> 0, le);
        else for (let i = 0; i < k.access.bytes; i++) view.setUint8(k.offset + i, 0);
      }
      raw.poke(0, new Uint8Array(view.buffer));
      const rc = raw.ioctl(raw.request(c.ioctl));
      results.set(rc, (results.get(rc) ?? 0) + 1);
      if (!Number.isInteger(rc) || rc < 0) return false;
    }
    return device.internalErrors.length === 0;
  }), { seed: 11, numRuns: 300 });
  // The calls reached the handlers: several distinct outcomes, successes among them.
  t.true((results.get(0) ?? 0) > 20, JSON.stringify([...results]));
  t.true(results.size >= 4, JSON.stringify([...results]));
});
