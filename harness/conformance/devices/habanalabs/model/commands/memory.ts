import { ensure, type RuleId } from '../../../../pbt/rules';
import { callValue } from '../../../../pbt/world/call-value';
import type { Env } from '../env';
import { remember } from '../state';
import { expectErrno, ioctlOf, onSides, resolveAddr, resolveHandle, slotOf, type Exec } from './context';
import { handleExpectation } from './cb';
import type { PageChoice, SizeChoice } from './data';
import type { Handler } from './handler';
import { checkDramUsage } from './probes';

const MEM = 'DRM_IOCTL_HL_MEMORY';
const U64 = (1n << 64n) - 1n;

export function sizeOf(env: Env, c: SizeChoice): bigint {
  const p = env.pageSize;
  switch (c) {
    case 'one': return 1n;
    case 'hostPage': return BigInt(env.hostPage);
    case 'pageMinus1': return p - 1n;
    case 'page': return p;
    case 'pagePlus1': return p + 1n;
    case 'threePages': return 3n * p;
    case 'quarterOfFree': return env.dramFree / 4n;
    case 'moreThanFree': return env.dramFree + p;
    case 'zero': return 0n;
    case 'huge63': return 1n << 63n;
    case 'max64': return U64;
    case 'wrapsPage': return U64 - p + 2n;
  }
}

export function pageOf(env: Env, c: PageChoice): bigint {
  const p = env.pageSize;
  const max = env.pageSizes.reduce((a, b) => (b > a ? b : a), p);
  switch (c) {
    case 'default': return 0n;
    case 'base': return p;
    case 'double': return 2n * p;
    case 'max': return max;
    case 'overMax': return 2n * max;
    case 'notPow2': return 3n * p;
    case 'belowMin': return p / 2n;
  }
}

/**
 * MEM alloc: size 0 and unsupported page sizes are badValue; a request whose size rounded up to the
 * page size exceeds free DRAM is exhausted, computed without wrapping (sizes near 2^64 must not
 * round to nothing: no-size-arithmetic-overflow); otherwise it succeeds (or, when the pages must be
 * contiguous or grouped, may find the memory too fragmented).
 */
export const memAllocHandler: Handler<'memAlloc'> = {
  check: (m, d) => slotOf(m, d.slot).open,
  run(x, d) {
    const { m, r, env } = x;
    const f = ioctlOf(x, MEM);
    const size = sizeOf(env, d.size);
    const page = pageOf(env, d.page);
    const flags = d.contiguous ? env.k('HL_MEM_CONTIGUOUS') : 0;
    const out = onSides(r, `MEM alloc ${size}`, (side) => {
      const c = callValue(side.system, side.slot(d.slot), MEM, { op: env.k('HL_MEM_OP_ALLOC'), flags, alloc: { mem_size: size, page_size: page } });
      return { errno: c.errno, handle: c.errno === 0 ? (c.out['handle'] as bigint) : 0n };
    });
    const allowed: number[] = [];
    let rule: RuleId = 'D14/model-expected-result';
    const pageOk = page === 0n || env.pageSizes.includes(page);
    if (size === 0n || !pageOk) allowed.push(f.errnoOf('badValue'));
    let rounded = 0n;
    if (allowed.length === 0) {
      const ps = page === 0n ? env.pageSize : page;
      rounded = ((size + ps - 1n) / ps) * ps;
      if (rounded > m.dramFree) {
        allowed.push(f.errnoOf('exhausted'));
        rule = size > U64 / 2n ? 'no-size-arithmetic-overflow' : 'D5/counts-and-sizes-checked';
      } else {
        allowed.push(0);
        if (d.contiguous || ps !== env.pageSize) allowed.push(f.errnoOf('exhausted'));
      }
    }
    expectErrno(out.errno, allowed, rule, () => `MEM alloc of ${size} bytes with page size ${page}${d.contiguous ? ', contiguous' : ''} (${m.dramFree} free)`);
    if (out.errno !== 0) return;
    const s = slotOf(m, d.slot);
    ensure(out.handle !== 0n && !s.mems.some((x2) => x2.handle === out.handle), 'D14/model-expected-result', () => `MEM alloc returned handle 0x${out.handle.toString(16)}, which is 0 or already live`);
    s.mems.push({ handle: out.handle, allocSize: rounded, mappings: 0 });
    s.dramBytes += rounded;
    m.dramFree -= rounded;
    checkDramUsage(x, rule, `after allocating ${size} bytes`);
  },
};

/** MEM free: an own unmapped allocation returns its memory; a mapped one is badValue (no-use-after-free). */
export const memFreeHandler: Handler<'memFree'> = {
  check: (m, d) => slotOf(m, d.slot).open,
  run(x, d) {
    const { m, r, env } = x;
    const h = resolveHandle(m, d.slot, 'mem', d.ref);
    const errno = onSides(r, `MEM free 0x${h.value.toString(16)}`, (side) =>
      callValue(side.system, side.slot(d.slot), MEM, { op: env.k('HL_MEM_OP_FREE'), free: { handle: h.value } }).errno);
    const s = slotOf(m, d.slot);
    const mem = s.mems.find((a) => a.handle === h.value);
    const want = handleExpectation(x, MEM, h.cls);
    const mapped = h.cls === 'own' && mem !== undefined && mem.mappings > 0;
    expectErrno(errno, [mapped ? ioctlOf(x, MEM).errnoOf('badValue') : want.errno], mapped ? 'no-use-after-free' : want.rule,
      () => `MEM free of ${h.cls === 'own' ? `its own${mapped ? ' mapped' : ''}` : `a ${h.cls}`} handle 0x${h.value.toString(16)}`);
    if (errno !== 0 || mem === undefined) return;
    s.mems = s.mems.filter((a) => a !== mem);
    s.dramBytes -= mem.allocSize;
    m.dramFree += mem.allocSize;
    remember(m, { handle: mem.handle, kind: 'mem' });
    checkDramUsage(x, 'D14/model-expected-result', 'after a free');
  },
};

/** The device address must not overlap another mapping of the context. */
function checkFresh(x: Exec, slot: number, va: bigint, size: bigint): void {
  const s = slotOf(x.m, slot);
  const clash = s.mappings.find((o) => va < o.va + o.size && o.va < va + size);
  ensure(clash === undefined, 'D14/model-expected-result', () => `a new mapping at 0x${va.toString(16)}+${size} overlaps 0x${clash?.va.toString(16) ?? ''}+${clash?.size ?? 0n}`);
}

/** MEM map of device memory: an own allocation gets a device address for its whole (rounded) size. */
export const mapDeviceHandler: Handler<'mapDevice'> = {
  check: (m, d) => slotOf(m, d.slot).open,
  run(x, d) {
    const { m, r, env } = x;
    const h = resolveHandle(m, d.slot, 'mem', d.ref);
    const out = onSides(r, `MEM map 0x${h.value.toString(16)}`, (side) => {
      const c = callValue(side.system, side.slot(d.slot), MEM, { op: env.k('HL_MEM_OP_MAP'), map_device: { handle: h.value, hint_addr: 0n } });
      return { errno: c.errno, va: c.errno === 0 ? (c.out['device_virt_addr'] as bigint) : 0n };
    });
    const want = handleExpectation(x, MEM, h.cls);
    expectErrno(out.errno, [want.errno], want.rule, () => `MEM map of ${h.cls === 'own' ? 'its own' : `a ${h.cls}`} handle 0x${h.value.toString(16)}`);
    if (out.errno !== 0) return;
    const s = slotOf(m, d.slot);
    const mem = s.mems.find((a) => a.handle === h.value);
    if (mem === undefined) return;
    checkFresh(x, d.slot, out.va, mem.allocSize);
    mem.mappings += 1;
    s.mappings.push({ va: out.va, size: mem.allocSize, kind: 'dram', writable: true, mem: mem.handle });
  },
};

/**
 * MEM map of host memory (HL_MEM_USERPTR): a buffer of the process, all of it in one mapping, gets a
 * device address; an unmapped one or a size past the end of its mapping is badPointer; size 0 badValue.
 */
export const mapHostHandler: Handler<'mapHost'> = {
  check: (m, d) => slotOf(m, d.slot).open,
  run(x, d) {
    const { m, r, env } = x;
    const f = ioctlOf(x, MEM);
    const page = BigInt(env.hostPage);
    const size = d.fault === 'zero' ? 0n : d.fault === 'tooLong' ? ((BigInt(d.size) + page - 1n) / page) * page + 1n : BigInt(d.size);
    const out = onSides(r, `MEM map host ${d.size}`, (side) => {
      const address = side.hostBuffer(d.slot, d.size, 0x40 + d.slot, !d.readOnly);
      const pointer = d.fault === 'unmapped' ? side.system.unmappedAddress(side.slot(d.slot)) : address;
      const c = callValue(side.system, side.slot(d.slot), MEM, {
        op: env.k('HL_MEM_OP_MAP'), flags: env.k('HL_MEM_USERPTR'), map_host: { host_virt_addr: BigInt(pointer), mem_size: size, hint_addr: 0n },
      });
      return { errno: c.errno, va: c.errno === 0 ? (c.out['device_virt_addr'] as bigint) : 0n };
    });
    const s = slotOf(m, d.slot);
    s.hostBuffers += 1;
    const expected = d.fault === 'none' ? 0 : d.fault === 'zero' ? f.errnoOf('badValue') : f.errnoOf('badPointer');
    expectErrno(out.errno, [expected], d.fault === 'none' || d.fault === 'zero' ? 'D14/model-expected-result' : 'D14/bad-user-pointer-efault',
      () => `MEM map host of ${size} bytes (${d.fault === 'none' ? 'a mapped buffer' : d.fault})`);
    if (out.errno !== 0) return;
    checkFresh(x, d.slot, out.va, size);
    s.mappings.push({ va: out.va, size, kind: 'host', writable: !d.readOnly, mem: undefined });
  },
};

/**
 * MEM unmap: exactly the start of one of the context's mappings of host or device memory; anything
 * else is badValue. A submission that may not have run yet and uses the mapping now faults when it
 * runs (the device must not reach unmapped memory: no-use-after-free).
 */
export const unmapHandler: Handler<'unmap'> = {
  check: (m, d) => slotOf(m, d.slot).open,
  run(x, d) {
    const { m, r, env } = x;
    const { va } = resolveAddr(m, d.slot, d.ref);
    const errno = onSides(r, `MEM unmap 0x${va.toString(16)}`, (side) =>
      callValue(side.system, side.slot(d.slot), MEM, { op: env.k('HL_MEM_OP_UNMAP'), unmap: { device_virt_addr: va } }).errno);
    const s = slotOf(m, d.slot);
    const mapping = s.mappings.find((o) => o.va === va);
    expectErrno(errno, [mapping !== undefined ? 0 : ioctlOf(x, MEM).errnoOf('badValue')], 'D14/model-expected-result',
      () => `MEM unmap of 0x${va.toString(16)} (${mapping !== undefined ? 'a mapping of the context' : 'no mapping start'})`);
    if (errno !== 0 || mapping === undefined) return;
    s.mappings = s.mappings.filter((o) => o !== mapping);
    s.unmapped.push(va);
    if (mapping.mem !== undefined) {
      const mem = s.mems.find((a) => a.handle === mapping.mem);
      if (mem !== undefined) mem.mappings -= 1;
    }
    for (const c of s.css) if (c.fates.has('pending') && c.touches.includes(va)) c.fates.add('aborted');
  },
};
