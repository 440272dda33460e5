import { E, errnoName } from '../../../../../../emulator/errno';
import { ensure } from '../../../../pbt/rules';
import { callValue } from '../../../../pbt/world/call-value';
import { emulatedTask } from '../../../../pbt/world/emulated-instance';
import type { Fate, ModelCs } from '../state';
import { pick } from '../state';
import { expectErrno, ioctlOf, onSides, otherSlot, slotOf, type Exec } from './context';
import type { DataOf, SeqRef } from './data';
import type { Handler } from './handler';
import { blurRun, predictWait } from './wait-clock';

const WAIT = 'DRM_IOCTL_HL_WAIT_CS';

/** A sequence number for slot `i`: one it issued, one not issued yet, or one another file issued (a number, here). */
export function resolveSeq(x: Exec, i: number, ref: SeqRef): bigint {
  const s = slotOf(x.m, i);
  // The most recent submissions first: those are the ones worth waiting for.
  if (ref.from === 'own') return pick([...s.css].reverse(), ref.pick)?.seq ?? s.lastSeq + 1n + BigInt(ref.pick);
  if (ref.from === 'foreign') return pick(otherSlot(x.m, i)?.css ?? [], ref.pick)?.seq ?? s.lastSeq + 1n;
  return s.lastSeq + 1n + BigInt(ref.pick);
}

interface WaitObs {
  readonly errno: number;
  readonly status: number;
  readonly flags: number;
  readonly stamped: boolean;
  readonly elapsed: number;
}

function waitOnce(x: Exec, d: DataOf<'wait'>, seq: bigint, raise: boolean): WaitObs {
  return onSides(x.r, `WAIT_CS ${seq} for ${d.timeoutUs} µs`, (side) => {
    const slot = side.slot(d.slot);
    if (raise) emulatedTask(slot.process).raiseSignal();
    const before = side.system.device.clock.now;
    const c = callValue(side.system, slot, WAIT, { seq, timeout_us: d.timeoutUs });
    // A failed call's argument comes back as the caller wrote it: only a success carries an answer.
    const ok = c.errno === 0 || c.errno === ioctlOf(x, WAIT).errnoOf('timeout') || c.errno === ioctlOf(x, WAIT).errnoOf('aborted');
    // An older client's answer has no flags or timestamp (a 24-byte WAIT_CS gets status only).
    return {
      errno: c.errno, status: ok ? (c.out['status'] as number) : -1, flags: ok ? (c.out['flags'] as number | undefined) ?? 0 : 0,
      stamped: ok && ((c.out['timestamp_nsec'] as bigint | undefined) ?? 0n) > 0n, elapsed: side.system.device.clock.now - before,
    };
  });
}

/** The (errno, status) a wait that returns with `target` in `fate` gives. */
function expected(x: Exec, fate: Fate): { errno: number; status: number } {
  const f = ioctlOf(x, WAIT);
  const k = x.env.k;
  switch (fate) {
    case 'completed': return { errno: 0, status: k('HL_WAIT_CS_STATUS_COMPLETED') };
    case 'pending': return { errno: 0, status: k('HL_WAIT_CS_STATUS_BUSY') };
    case 'timedout': return { errno: f.errnoOf('timeout'), status: k('HL_WAIT_CS_STATUS_TIMEDOUT') };
    case 'aborted': return { errno: f.errnoOf('aborted'), status: k('HL_WAIT_CS_STATUS_ABORTED') };
  }
}

/** Checks one wait's observation against the prediction; returns the fate it showed. */
function judge(x: Exec, d: DataOf<'wait'>, target: ModelCs, outcomes: ReadonlySet<Fate>, o: WaitObs, restarted: boolean): Fate {
  const fate = (['completed', 'pending', 'timedout', 'aborted'] as const).find((f) => {
    const e = expected(x, f);
    return e.errno === o.errno && (o.errno !== 0 || e.status === o.status);
  });
  const rule = restarted ? 'D7/restartable-after-eintr' : 'D14/model-expected-result';
  ensure(fate !== undefined && outcomes.has(fate), rule, () => `WAIT_CS on ${target.stuck ? 'a stuck' : 'a runnable'} submission ${target.seq} for ${d.timeoutUs} µs${restarted ? ', restarted after EINTR,' : ''} gave ${errnoName(o.errno)} status ${o.status}; the model expects ${[...outcomes].join(' or ')}`);
  const t = Number(d.timeoutUs) * 1000;
  ensure(o.elapsed <= t, 'D8/wait-honours-timeout', () => `WAIT_CS for ${d.timeoutUs} µs slept ${o.elapsed} ns of virtual time`);
  if (fate === 'pending' && d.timeoutUs > 0n) ensure(o.elapsed === t, 'D8/wait-honours-timeout', () => `WAIT_CS for ${d.timeoutUs} µs reported BUSY after ${o.elapsed} ns`);
  if (fate === 'completed' && x.env.reach.waitStamp) {
    const vld = x.env.k('HL_WAIT_CS_STATUS_FLAG_TIMESTAMP_VLD');
    ensure(((o.flags & vld) !== 0) === target.timestamp && o.stamped === target.timestamp, 'D14/model-expected-result', () => `WAIT_CS flags 0x${o.flags.toString(16)} for a submission ${target.timestamp ? 'with' : 'without'} HL_CS_FLAGS_TIMESTAMP`);
  }
  return fate ?? 'pending';
}

/**
 * WAIT_CS on one submission, on the virtual clock: the model predicts how it stands when the call
 * returns (completed, still busy when the timeout expired, timed out on the device, aborted by a
 * reset or a fault) and how long the call slept (never longer than asked: D8). A sequence number not
 * issued yet is the staleHandle errno. With a signal pending a sleeping wait returns EINTR and the
 * restarted call must answer as if nothing had happened (D7).
 */
export const waitHandler: Handler<'wait'> = {
  // Waiting on its own submissions needs some (a not-yet-issued one is the 'future' reference).
  check: (m, d) => slotOf(m, d.slot).open && (d.seq.from !== 'own' || slotOf(m, d.slot).css.length > 0),
  run(x, d) {
    const { m, r } = x;
    const s = slotOf(m, d.slot);
    const seq = resolveSeq(x, d.slot, d.seq);
    if (d.signal) s.signalPending = true;
    const target = s.css.find((c) => c.seq === seq);
    if (target === undefined) {
      const o = waitOnce(x, d, seq, d.signal);
      const want = seq > s.lastSeq ? ioctlOf(x, WAIT).errnoOf('staleHandle') : E.EINVAL;
      expectErrno(o.errno, [want], 'D14/stale-handle-rejected', () => `WAIT_CS on sequence ${seq} (last issued ${s.lastSeq})`);
      return;
    }
    const now = r.sides[0]?.system.device.clock.now ?? 0;
    const until = now + Number(d.timeoutUs) * 1000;
    const interrupted = ioctlOf(x, WAIT).errnoOf('interrupted');
    if (s.signalPending && d.timeoutUs > 0n && target.fates.has('pending')) {
      // Before it sleeps the kernel runs what is due now (a poll): if that ends the submission there
      // is no sleep and no EINTR; otherwise the signal interrupts the sleep.
      const poll = predictWait(m, target, now, now);
      const o = waitOnce(x, d, seq, d.signal);
      if (o.errno === interrupted) {
        s.signalPending = false;
        ensure(poll.outcomes.has('pending'), 'D7/restartable-after-eintr', () => `WAIT_CS was interrupted although the submission had ended (${[...poll.outcomes].join('/')})`);
        ensure(o.elapsed === 0, 'D7/restartable-after-eintr', () => `an interrupted WAIT_CS let ${o.elapsed} ns pass`);
        poll.settle('pending');
        const p = predictWait(m, target, now, until);
        p.settle(judge(x, d, target, p.outcomes, waitOnce(x, d, seq, false), true));
        return;
      }
      const ended = new Set([...poll.outcomes].filter((f) => f !== 'pending'));
      ensure(ended.size > 0, 'D7/restartable-after-eintr', () => `WAIT_CS with a signal pending gave ${errnoName(o.errno)} instead of EINTR`);
      poll.settle(judge(x, d, target, ended, o, false));
      return;
    }
    const p = predictWait(m, target, now, until);
    p.settle(judge(x, d, target, p.outcomes, waitOnce(x, d, seq, d.signal), false));
  },
};

/**
 * WAIT_CS with MULTI_CS, as a poll: seq_arr_len 0 or over HL_WAIT_MULTI_CS_LIST_MAX_LEN is the
 * outOfRange errno (D5); a sequence not issued yet staleHandle; otherwise the completion map names
 * only submissions the model allows to be complete.
 */
export const waitMultiHandler: Handler<'waitMulti'> = {
  check: (m, d) => slotOf(m, d.slot).open && (d.seqs.every((q) => q.from !== 'own') || slotOf(m, d.slot).css.length > 0),
  run(x, d) {
    const { m, r, env } = x;
    const s = slotOf(m, d.slot);
    const seqs = d.seqs.map((ref) => resolveSeq(x, d.slot, ref));
    const max = env.k('HL_WAIT_MULTI_CS_LIST_MAX_LEN');
    const list = d.len === 'tooMany' ? Array.from({ length: max + 1 }, (_, i) => seqs[i % seqs.length] ?? 1n) : seqs;
    const len = d.len === 'zero' ? 0 : list.length;
    const o = onSides(r, `WAIT_CS MULTI of ${len}`, (side) => {
      const sys = side.system;
      const slot = side.slot(d.slot);
      const bytes = new Uint8Array(list.length * 8);
      const view = new DataView(bytes.buffer);
      list.forEach((q, i) => view.setBigUint64(i * 8, q, sys.abi.endian === 'little'));
      const address = sys.buffer(slot, bytes);
      const c = callValue(sys, slot, WAIT, { seq: BigInt(address), timeout_us: 0n, flags: env.k('HL_WAIT_CS_FLAGS_MULTI_CS'), seq_arr_len: len });
      return { errno: c.errno, status: c.errno === 0 ? (c.out['status'] as number) : -1, map: c.errno === 0 ? (c.out['cs_completion_map'] as number) : 0 };
    });
    const f = ioctlOf(x, WAIT);
    const allowed: number[] = [];
    if (len === 0 || len > max) allowed.push(f.errnoOf('outOfRange'));
    if (list.some((q) => q > s.lastSeq)) allowed.push(f.errnoOf('staleHandle'));
    const rule = len === 0 || len > max ? 'D5/counts-and-sizes-checked' : 'D14/model-expected-result';
    if (allowed.length > 0) {
      expectErrno(o.errno, allowed, rule, () => `WAIT_CS MULTI with seq_arr_len ${len} of ${list.join(', ')} (last issued ${s.lastSeq})`);
      return;
    }
    const records = list.map((q) => s.css.find((c) => c.seq === q));
    // A poll runs what is due now, deadlines included: each record may end as a poll of it alone could.
    const now = r.sides[0]?.system.device.clock.now ?? 0;
    const may = records.map((c) => (c === undefined ? new Set<Fate>(['completed']) : predictWait(m, c, now, now).outcomes));
    const any = (fate: Fate): boolean => may.some((o) => o.has(fate));
    // A record that completed earlier makes the call succeed with its bit set.
    const completedBefore = records.some((c) => c !== undefined && c.fates.size === 1 && c.fates.has('completed'));
    const okErrnos = completedBefore ? [0] : [0, ...(any('timedout') ? [f.errnoOf('timeout')] : []), ...(any('aborted') ? [f.errnoOf('aborted')] : [])];
    expectErrno(o.errno, okErrnos, 'D14/model-expected-result', () => `WAIT_CS MULTI poll of ${list.join(', ')}`);
    const due = m.slots.some((x2) => x2.open && x2.css.some((c) => c.stuck && c.fates.has('pending') && c.deadline <= now));
    if (due) blurRun(m, now, now);
    if (o.errno !== 0) return;
    for (let i = 0; i < records.length; i++) {
      if ((o.map & (1 << i)) === 0) continue;
      const c = records[i];
      ensure(may[i]?.has('completed') === true, 'D14/model-expected-result', () => `WAIT_CS MULTI marks sequence ${list[i]} complete; the model says ${[...(may[i] ?? [])].join('/')}`);
      if (c !== undefined) c.fates = new Set(['completed']);
    }
    if (completedBefore) ensure(o.map !== 0, 'D14/model-expected-result', () => 'WAIT_CS MULTI reports no completion although one of them had completed');
  },
};
