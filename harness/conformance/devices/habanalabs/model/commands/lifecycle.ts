import { E } from '../../../../../../emulator/errno';
import { ensure } from '../../../../pbt/rules';
import { freshSlot, remember } from '../state';
import { expectErrno, onSides, slotOf } from './context';
import type { Handler } from './handler';
import { checkDramUsage } from './probes';

/** open() of the compute device: at most the board's number of compute opens at once (EBUSY beyond). */
export const openHandler: Handler<'open'> = {
  check: (m, d) => !slotOf(m, d.slot).open,
  run({ m, r, env }, d) {
    const errno = onSides(r, `open from slot ${d.slot}`, (side) => side.system.open(side.slot(d.slot)));
    const full = m.computeOpen >= env.config.maxComputeOpens;
    expectErrno(errno, [full ? E.EBUSY : 0], 'D14/model-expected-result', () => `open with ${m.computeOpen} of ${env.config.maxComputeOpens} compute files open`);
    if (errno !== 0) return;
    const s = slotOf(m, d.slot);
    const hostBuffers = s.hostBuffers;
    const signal = s.signalPending;
    Object.assign(s, freshSlot(), { open: true, hostBuffers, signalPending: signal, unmapped: s.unmapped });
    m.computeOpen += 1;
  },
};

/**
 * close() with whatever the file still holds: every handle dies, the memory returns to the device
 * (visible to the other file through INFO DRAM_USAGE), its submissions end.
 */
export const closeHandler: Handler<'close'> = {
  check: (m, d) => slotOf(m, d.slot).open,
  run(x, d) {
    const { m, r } = x;
    const s = slotOf(m, d.slot);
    const errno = onSides(r, `close of slot ${d.slot}`, (side) => {
      side.dropCbMaps(d.slot);
      return side.system.close(side.slot(d.slot));
    });
    ensure(errno === 0, 'D10/resources-freed-on-close', () => `close failed with ${errno}`);
    for (const cb of s.cbs) remember(m, { handle: cb.handle, kind: 'cb' });
    for (const mem of s.mems) {
      remember(m, { handle: mem.handle, kind: 'mem' });
      m.dramFree += mem.allocSize;
    }
    m.held = m.held.filter((h) => h.slot !== d.slot);
    const hostBuffers = s.hostBuffers;
    const signal = s.signalPending;
    // The closed context's device addresses stay as stale ones: nothing may reach them after close.
    const gone = [...s.unmapped, ...s.mappings.map((x2) => x2.va)];
    Object.assign(s, freshSlot(), { hostBuffers, signalPending: signal, unmapped: gone });
    m.computeOpen -= 1;
    checkDramUsage(x, 'D10/resources-freed-on-close', `after closing slot ${d.slot}`);
  },
};
