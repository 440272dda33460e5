import { E } from '../core/boundary/errno';
import type { CommandBufferRef } from './cb-api';
import { SCRATCH, type IoctlCaller } from './ioctl-caller';
import { rtFail, rtOk, type RtResult } from './result';

/** One job: a command buffer (handle, or device address with `userAllocCb`), the bytes to run, a queue. */
export interface Chunk {
  readonly cb: bigint | CommandBufferRef;
  readonly queue: number;
  /** Bytes of packets; default the buffer's size when `cb` is a CommandBufferRef. */
  readonly size?: number;
  /** `cb` is the device VA of a buffer the user mapped itself (HL_CS_CHUNK_FLAGS_USER_ALLOC_CB). */
  readonly userAllocCb?: boolean;
}

export interface Submission {
  readonly execute: readonly Chunk[];
  readonly restore?: readonly Chunk[];
  /** HL_CS_FLAGS_* names to set. */
  readonly flags?: readonly string[];
  /** Seconds; sets HL_CS_FLAGS_CUSTOM_TIMEOUT. */
  readonly timeoutSec?: number;
}

export interface WaitResult {
  /** HL_WAIT_CS_STATUS_* value. */
  readonly status: number;
  readonly flags: number;
  readonly timestampNsec: bigint;
  readonly completionMap: number;
}

/** DRM_IOCTL_HL_CS and DRM_IOCTL_HL_WAIT_CS. */
export class CsApi {
  private readonly c: IoctlCaller;

  constructor(caller: IoctlCaller) {
    this.c = caller;
  }

  /** Submits; the sequence number to wait on. */
  submit(s: Submission): RtResult<bigint> {
    const codec = this.c.codec('hl_cs_in');
    const chunk = this.c.codec('hl_cs_chunk');
    if (codec === undefined || chunk === undefined) return rtFail(E.EOPNOTSUPP);
    const restore = s.restore ?? [];
    const all = [...restore, ...s.execute];
    if (all.length * chunk.size > SCRATCH.arrayBytes) return rtFail(E.E2BIG);
    const userAlloc = this.c.constant('HL_CS_CHUNK_FLAGS_USER_ALLOC_CB') ?? 0;
    for (let i = 0; i < all.length; i++) {
      const ch = all[i] as Chunk;
      const handle = typeof ch.cb === 'bigint' ? ch.cb : ch.cb.handle;
      const size = ch.size ?? (typeof ch.cb === 'bigint' ? 0 : ch.cb.size);
      const put = this.c.put(chunk, SCRATCH.array + i * chunk.size, {
        cb_handle: handle, queue_index: ch.queue, cb_size: size, cs_chunk_flags: ch.userAllocCb === true ? userAlloc : 0,
      });
      if (!put.ok) return put;
    }
    let flags = 0;
    for (const name of [...(s.flags ?? []), ...(s.timeoutSec !== undefined ? ['HL_CS_FLAGS_CUSTOM_TIMEOUT'] : [])]) {
      const v = this.c.constant(name);
      if (v === undefined) return rtFail(E.EINVAL);
      flags |= v;
    }
    const base = BigInt(this.c.scratch + SCRATCH.array);
    const put = this.c.put(codec, SCRATCH.arg, {
      chunks_restore: base, chunks_execute: base + BigInt(restore.length * chunk.size),
      num_chunks_restore: restore.length, num_chunks_execute: s.execute.length,
      timeout: s.timeoutSec ?? 0, cs_flags: flags >>> 0,
    });
    if (!put.ok) return put;
    const rc = this.c.call('DRM_IOCTL_HL_CS');
    if (rc !== 0) return rtFail(rc);
    const out = this.c.codec<{ seq: bigint }>('hl_cs_out');
    return out === undefined ? rtFail(E.EOPNOTSUPP) : rtOk(this.c.get(out, SCRATCH.arg).seq);
  }

  /** Waits up to `timeoutUs` for submission `seq`; ETIMEDOUT/EIO when it timed out or was aborted on the device. */
  wait(seq: bigint, timeoutUs: bigint | number): RtResult<WaitResult> {
    const codec = this.c.codec('hl_wait_cs_in');
    if (codec === undefined) return rtFail(E.EOPNOTSUPP);
    const put = this.c.put(codec, SCRATCH.arg, { seq, timeout_us: BigInt(timeoutUs) });
    if (!put.ok) return put;
    return this.waitCall();
  }

  /** Waits for the first of several submissions (HL_WAIT_CS_FLAGS_MULTI_CS). */
  waitAny(seqs: readonly bigint[], timeoutUs: bigint | number): RtResult<WaitResult> {
    const codec = this.c.codec('hl_wait_cs_in');
    const multi = this.c.constant('HL_WAIT_CS_FLAGS_MULTI_CS');
    if (codec === undefined || multi === undefined) return rtFail(E.EOPNOTSUPP);
    const arr = new Uint8Array(seqs.length * 8);
    const view = new DataView(arr.buffer);
    seqs.forEach((s, i) => view.setBigUint64(i * 8, s, this.c.process.abi.endian === 'little'));
    const rc = this.c.poke(SCRATCH.array, arr);
    if (rc !== 0) return rtFail(rc);
    const put = this.c.put(codec, SCRATCH.arg, {
      seq: BigInt(this.c.scratch + SCRATCH.array), timeout_us: BigInt(timeoutUs), flags: multi, seq_arr_len: seqs.length,
    });
    if (!put.ok) return put;
    return this.waitCall();
  }

  private waitCall(): RtResult<WaitResult> {
    const rc = this.c.call('DRM_IOCTL_HL_WAIT_CS');
    if (rc !== 0) return rtFail(rc);
    const out = this.c.codec<{ status: number; flags: number; timestamp_nsec: bigint; cs_completion_map: number }>('hl_wait_cs_out');
    if (out === undefined) return rtFail(E.EOPNOTSUPP);
    const o = this.c.get(out, SCRATCH.arg);
    return rtOk({ status: o.status, flags: o.flags, timestampNsec: o.timestamp_nsec, completionMap: o.cs_completion_map });
  }
}
