import type { Context } from '../device/context';
import type { CsRecord } from '../device/cs-record';
import { E, type Errno } from '../errno';
import type { IoctlCall } from '../kernel/ioctl-call';
import type { IoctlHandler } from '../kernel/ioctl-handler';
import type { WaitCsIn } from '../kernel/kernel-codecs';

/** The submissions a call waits for: one sequence number, or (MULTI_CS) a user array of them. */
function sequences(call: IoctlCall, input: WaitCsIn): number[] | Errno {
  const { k, device } = call;
  if ((input.flags & k.HL_WAIT_CS_FLAGS_MULTI_CS) === 0) return [seqNumber(input.seq ?? 0n)];
  const failed = call.binding.input?.arm('seq_arr_len').run(call.view, 0);
  if (failed !== undefined) return call.errno(failed.failure);
  const n = input.seq_arr_len ?? 0;
  if (n === 0 || (n > k.HL_WAIT_MULTI_CS_LIST_MAX_LEN && !device.mutations['multi-cs-len-unchecked'])) return call.errno('outOfRange');
  const bytes = new Uint8Array(n * 8);
  if (!call.copyIn(input.seq ?? 0n, bytes, 0, bytes.length)) return call.errno('badPointer');
  const view = new DataView(bytes.buffer);
  const little = call.codecs.abi.endian === 'little';
  return Array.from({ length: n }, (_, i) => seqNumber(view.getBigUint64(i * 8, little)));
}

const seqNumber = (s: bigint): number => (s <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(s) : Number.MAX_SAFE_INTEGER);

/** Runs the device until one of `records` ends or the caller's timeout passes; EINTR when a signal interrupts the sleep. */
function waitFor(call: IoctlCall, ctx: Context, records: readonly (CsRecord | undefined)[], input: WaitCsIn): Errno {
  const device = call.device;
  const done = (): boolean => records.some((r) => r === undefined || r.state !== 'pending');
  device.runUntil(device.clock.now, done);
  if (done()) return 0;
  const timeoutUs = input.timeout_us ?? 0n;
  if (timeoutUs === 0n) return 0;
  const process = call.file.process;
  if (process.signalPending) {
    process.deliverSignal();
    if (device.mutations['eintr-not-restartable']) for (const r of records) if (r !== undefined) ctx.submissions.delete(r.seq);
    return call.errno('interrupted');
  }
  const until = device.mutations['wait-ignores-timeout'] ? Infinity : device.clock.now + Number(timeoutUs) * 1000;
  device.runUntil(until, done);
  return 0;
}

/**
 * DRM_IOCTL_HL_WAIT_CS: waits on the virtual clock for a submission (or, with MULTI_CS, the first of
 * several) for at most timeout_us. A submission still running when the wait expires gives success
 * with status BUSY; one that timed out on the device gives ETIMEDOUT, one that was aborted EIO;
 * one so old it was forgotten, COMPLETED with FLAG_GONE. A sequence number not yet issued is EINVAL.
 * The emulated device has no user interrupts, so interrupt waits are EINVAL.
 */
export const waitCsIoctl: IoctlHandler = {
  ioctl: 'DRM_IOCTL_HL_WAIT_CS',
  onControl: false,
  handle(call: IoctlCall): Errno {
    const { device, k } = call;
    const ctx = call.ctx;
    if (ctx === undefined) return call.errno('badValue');
    if (!device.operational) return call.errno('busy');
    const input = call.codecs.waitIn.read(call.view, 0);
    const interrupt = k.HL_WAIT_CS_FLAGS_INTERRUPT | k.HL_WAIT_CS_FLAGS_INTERRUPT_KERNEL_CQ | k.HL_WAIT_CS_FLAGS_REGISTER_INTERRUPT;
    if ((input.flags & interrupt) !== 0) return call.errno('badValue');
    const seqs = sequences(call, input);
    if (typeof seqs === 'number') return seqs;
    if (seqs.some((s) => s > ctx.lastSeq)) return call.errno('staleHandle');
    const records = seqs.map((s) => ctx.submissions.get(s));
    const rc = waitFor(call, ctx, records, input);
    if (rc !== 0) return rc;

    let map = 0;
    let first: CsRecord | undefined;
    let gone = false;
    let timedOut = false;
    let aborted = false;
    for (let i = 0; i < records.length; i++) {
      const r = records[i];
      if (r === undefined) {
        gone = true;
        map |= 1 << i;
      } else if (r.state === 'completed') {
        map |= 1 << i;
        if (first === undefined || r.doneNs < first.doneNs) first = r;
      } else if (r.state === 'timedout') timedOut = true;
      else if (r.state === 'aborted') aborted = true;
    }
    const multi = (input.flags & k.HL_WAIT_CS_FLAGS_MULTI_CS) !== 0;
    let status = map !== 0 ? k.HL_WAIT_CS_STATUS_COMPLETED : k.HL_WAIT_CS_STATUS_BUSY;
    let result: Errno = 0;
    if (map === 0 && timedOut) {
      status = k.HL_WAIT_CS_STATUS_TIMEDOUT;
      result = call.errno('timeout');
    } else if (map === 0 && aborted) {
      status = k.HL_WAIT_CS_STATUS_ABORTED;
      result = E.EIO;
    }
    const stamped = first !== undefined && first.timestamp;
    call.clearArg();
    call.codecs.waitOut.write(call.view, 0, {
      status,
      flags: (gone && map !== 0 && first === undefined ? k.HL_WAIT_CS_STATUS_FLAG_GONE : 0) | (stamped ? k.HL_WAIT_CS_STATUS_FLAG_TIMESTAMP_VLD : 0),
      timestamp_nsec: stamped && first !== undefined ? BigInt(device.clock.hostTime(first.doneNs)) : 0n,
      cs_completion_map: multi ? map >>> 0 : 0,
    });
    return result;
  },
};
