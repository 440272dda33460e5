import { errnoName } from '../../../../../../emulator/errno';
import { ensure, type RuleId } from '../../../../pbt/rules';
import { callValue } from '../../../../pbt/world/call-value';
import { cbPool, pick, remember } from '../state';
import { expectErrno, ioctlOf, onSides, resolveHandle, slotOf, unknownFlagBits, type Exec, type HandleClass } from './context';
import type { Handler } from './handler';

const CB = 'DRM_IOCTL_HL_CB';

/** The errno and rule for a handle the call must reject (or 0 for this file's own). */
export function handleExpectation(x: Exec, ioctl: string, cls: HandleClass): { errno: number; rule: RuleId } {
  const f = ioctlOf(x, ioctl);
  if (cls === 'own') return { errno: 0, rule: 'D14/model-expected-result' };
  return cls === 'foreign'
    ? { errno: f.errnoOf('foreignHandle'), rule: 'no-cross-context-handle-use' }
    : { errno: f.errnoOf('staleHandle'), rule: 'D14/stale-handle-rejected' };
}

/** "At least a page is allocated": the spec's doc of cb_size; pages of the host. */
const allocSizeOf = (size: number, page: number): number => Math.max(page, Math.ceil(size / page) * page);

/**
 * CB create: sizes up to HL_MAX_CB_SIZE succeed while the pool lasts; larger ones are the spec's
 * outOfRange errno (D5); an undefined flag bit is unknownFlags. With HL_CB_FLAGS_MAP the buffer gets
 * a device address, which the model learns at once (CB INFO with GET_DEVICE_VA).
 */
export const cbCreateHandler: Handler<'cbCreate'> = {
  check: (m, d) => slotOf(m, d.slot).open,
  run(x, d) {
    const { m, r, env } = x;
    const f = ioctlOf(x, CB);
    const bits = unknownFlagBits(env, 'hl_cb_flags', 4);
    const bad = d.badBit !== null ? pick(bits, d.badBit) : undefined;
    const flags = ((d.map ? env.k('HL_CB_FLAGS_MAP') : 0) | (bad !== undefined ? 1 << bad : 0)) >>> 0;
    const out = onSides(r, `CB create ${d.size}`, (side) => {
      const c = callValue(side.system, side.slot(d.slot), CB, { op: env.k('HL_CB_OP_CREATE'), cb_size: d.size, flags });
      return { errno: c.errno, handle: c.errno === 0 ? (c.out['cb_handle'] as bigint) : 0n };
    });
    const alloc = allocSizeOf(d.size, env.hostPage);
    const allowed: number[] = [];
    let rule: RuleId = 'D14/model-expected-result';
    if (bad !== undefined) {
      allowed.push(f.errnoOf('unknownFlags'));
      rule = 'D2/unknown-flag-bits-rejected';
    }
    if (d.size > env.k('HL_MAX_CB_SIZE')) {
      allowed.push(f.errnoOf('outOfRange'));
      rule = 'D5/counts-and-sizes-checked';
    }
    if (allowed.length === 0) {
      const pool = cbPool(m);
      if (pool.low + alloc > env.config.cbPoolBytes) allowed.push(f.errnoOf('exhausted'));
      else {
        allowed.push(0);
        if (pool.high + alloc > env.config.cbPoolBytes) allowed.push(f.errnoOf('exhausted'));
      }
    }
    expectErrno(out.errno, allowed, rule, () => `CB create of ${d.size} bytes with flags 0x${flags.toString(16)}`);
    if (out.errno !== 0) return;
    const s = slotOf(m, d.slot);
    ensure(out.handle !== 0n && !m.slots.some((o) => o.cbs.some((c) => c.handle === out.handle) || o.mems.some((x2) => x2.handle === out.handle)), 'D14/model-expected-result', () => `CB create returned handle 0x${out.handle.toString(16)}, which is 0 or already live`);
    let deviceVa: bigint | undefined;
    // A client without CB INFO's GET_DEVICE_VA cannot learn the address: the model does without it.
    if (d.map && env.reach.cbDeviceVa) {
      const va = onSides(r, 'CB INFO GET_DEVICE_VA', (side) => {
        const c = callValue(side.system, side.slot(d.slot), CB, { op: env.k('HL_CB_OP_INFO'), cb_handle: out.handle, flags: env.k('HL_CB_FLAGS_GET_DEVICE_VA') });
        return { errno: c.errno, va: c.out['device_va'] as bigint };
      });
      ensure(va.errno === 0 && va.va !== 0n, 'D14/model-expected-result', () => `CB INFO of a mapped CB gave ${errnoName(va.errno)}, address 0x${va.va.toString(16)}`);
      deviceVa = va.va;
    }
    s.cbs.push({ handle: out.handle, allocSize: alloc, mapped: d.map, deviceVa });
  },
};

/** CB destroy: this file's own buffer goes (its pool memory once no submission holds it); anything else is rejected. */
export const cbDestroyHandler: Handler<'cbDestroy'> = {
  check: (m, d) => slotOf(m, d.slot).open,
  run(x, d) {
    const { m, r, env } = x;
    const h = resolveHandle(m, d.slot, 'cb', d.ref);
    const errno = onSides(r, `CB destroy 0x${h.value.toString(16)}`, (side) =>
      callValue(side.system, side.slot(d.slot), CB, { op: env.k('HL_CB_OP_DESTROY'), cb_handle: h.value }).errno);
    const want = handleExpectation(x, CB, h.cls);
    expectErrno(errno, [want.errno], want.rule, () => `CB destroy of ${h.cls === 'own' ? 'its own' : `a ${h.cls}`} handle 0x${h.value.toString(16)}`);
    if (h.cls !== 'own') return;
    const s = slotOf(m, d.slot);
    const cb = s.cbs.find((c) => c.handle === h.value);
    s.cbs = s.cbs.filter((c) => c.handle !== h.value);
    if (cb !== undefined) m.held.push({ slot: d.slot, handle: cb.handle, allocSize: cb.allocSize });
    remember(m, { handle: h.value, kind: 'cb' });
  },
};

/**
 * CB info: the usage count (how many submissions in flight use it: the model knows a range), or the
 * device address of a mapped buffer (the same every time; an unmapped one is badValue). The usage
 * arm's pad is zero (it is the arm in use: no-info-leak-through-padding).
 */
export const cbInfoHandler: Handler<'cbInfo'> = {
  check: (m, d) => slotOf(m, d.slot).open,
  run(x, d) {
    const { m, r, env } = x;
    const h = resolveHandle(m, d.slot, 'cb', d.ref);
    const out = onSides(r, `CB info 0x${h.value.toString(16)}`, (side) => {
      const c = callValue(side.system, side.slot(d.slot), CB, { op: env.k('HL_CB_OP_INFO'), cb_handle: h.value, flags: d.wantVa ? env.k('HL_CB_FLAGS_GET_DEVICE_VA') : 0 });
      return { errno: c.errno, usage: c.out['usage_cnt'] as number, pad: c.out['pad'] as number, va: c.out['device_va'] as bigint };
    });
    const s = slotOf(m, d.slot);
    const cb = s.cbs.find((c) => c.handle === h.value);
    const want = handleExpectation(x, CB, h.cls);
    const expected = h.cls === 'own' && d.wantVa && cb?.mapped !== true ? ioctlOf(x, CB).errnoOf('badValue') : want.errno;
    expectErrno(out.errno, [expected], want.rule, () => `CB info (${d.wantVa ? 'device address' : 'usage'}) of ${h.cls === 'own' ? 'its own' : `a ${h.cls}`} handle`);
    if (out.errno !== 0 || cb === undefined) return;
    if (d.wantVa) {
      ensure(out.va === cb.deviceVa, 'D14/model-expected-result', () => `CB info reports device address 0x${out.va.toString(16)}, earlier 0x${(cb.deviceVa ?? 0n).toString(16)}`);
      return;
    }
    // Each chunk naming the buffer is one use, for as long as its submission is in flight.
    const uses = (c: { cbs: readonly bigint[] }): number => c.cbs.filter((h) => h === cb.handle).length;
    const maybe = s.css.filter((c) => c.fates.has('pending')).reduce((a, c) => a + uses(c), 0);
    const sure = s.css.filter((c) => c.fates.size === 1 && c.fates.has('pending')).reduce((a, c) => a + uses(c), 0);
    ensure(out.usage >= sure && out.usage <= maybe, 'D14/model-expected-result', () => `CB usage count ${out.usage}; the model says ${sure}..${maybe}`);
    ensure(out.pad === 0, 'no-info-leak-through-padding', () => `CB info usage answer has pad 0x${out.pad.toString(16)}`);
  },
};
