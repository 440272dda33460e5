import type { CommandBuffer } from '../device/command-buffer';
import type { Context } from '../device/context';
import { CsRecord, type Job } from '../device/cs-record';
import { parseCommandStream, type ParseContext } from '../device/cs-parser';
import { readMapping } from '../device/mapping-access';
import type { Packet } from '../device/packet';
import type { Errno } from '../errno';
import { userAddress } from '../process/address-space';
import type { IoctlCall } from '../kernel/ioctl-call';
import type { IoctlHandler } from '../kernel/ioctl-handler';
import type { CsChunk, CsIn } from '../kernel/kernel-codecs';

interface PlannedJob {
  readonly queue: number;
  readonly packets: readonly Packet[];
  readonly cb: CommandBuffer | undefined;
}

type Planned = { readonly ok: true; readonly job: PlannedJob } | { readonly ok: false; readonly errno: Errno };

const bad = (errno: Errno): Planned => ({ ok: false, errno });

/** Reads, checks and parses one chunk: its queue, its command buffer, its packets. */
function planChunk(call: IoctlCall, ctx: Context, chunk: CsChunk, parse: ParseContext): Planned {
  const { device, k } = call;
  const counters = [ctx.counters, device.counters];
  const queue = device.config.queues[chunk.queue_index];
  if (queue === undefined || queue.kind === 'cpu') {
    counters.forEach((c) => { c.validation += 1; });
    return bad(call.errno('badValue'));
  }
  const size = chunk.cb_size ?? 0;
  const handle = chunk.cb_handle ?? 0n;
  let bytes: Uint8Array;
  let cb: CommandBuffer | undefined;
  if ((chunk.cs_chunk_flags & k.HL_CS_CHUNK_FLAGS_USER_ALLOC_CB) !== 0) {
    // A buffer the user allocated and mapped: read it through the context's MMU.
    const va = handle <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(handle) : -1;
    const m = va >= 0 ? ctx.translateAny(va, size) : undefined;
    if (m === undefined) {
      counters.forEach((c) => { c.validation += 1; });
      return bad(call.errno('badValue'));
    }
    bytes = new Uint8Array(size);
    readMapping(m, va, bytes, 0, size);
  } else {
    cb = ctx.handles.get<CommandBuffer>('cb', handle);
    if (cb === undefined) {
      counters.forEach((c) => { c.validation += 1; });
      return bad(call.badHandle(handle));
    }
    if (size > cb.allocSize) {
      counters.forEach((c) => { c.validation += 1; });
      return bad(call.errno('outOfRange'));
    }
    bytes = cb.bytes;
  }
  const parsed = parseCommandStream(bytes, 0, size, parse);
  if (!parsed.ok) {
    counters.forEach((c) => { c.parsing += 1; });
    return bad(parsed.failure.errno);
  }
  return { ok: true, job: { queue: queue.id, packets: parsed.packets, cb } };
}

/** Copies in and plans `count` chunks from the user array at `pointer`. */
function planChunks(call: IoctlCall, ctx: Context, pointer: bigint, count: number, parse: ParseContext, out: PlannedJob[]): Errno {
  const codec = call.codecs.csChunk;
  const checks = call.file.kernel.checksOf('hl_cs_chunk');
  const buf = new Uint8Array(codec.size);
  const view = new DataView(buf.buffer);
  // The whole array is copied in before any chunk is looked at, as the driver does: an unreadable
  // array is EFAULT whatever its first chunks hold.
  if (!call.file.process.memory.accessible(userAddress(pointer), count * codec.size, false)) return call.errno('badPointer');
  for (let i = 0; i < count; i++) {
    if (!call.copyIn(pointer + BigInt(i * codec.size), buf, 0, codec.size)) return call.errno('badPointer');
    const failed = checks.run(view, 0);
    if (failed !== undefined) {
      ctx.counters.validation += 1;
      call.device.counters.validation += 1;
      return call.errno(failed.failure);
    }
    const planned = planChunk(call, ctx, codec.read(view, 0), parse);
    if (!planned.ok) return planned.errno;
    out.push(planned.job);
  }
  return 0;
}

/** The submission's timeout in ns: the driver default, or hl_cs_in.timeout seconds with CUSTOM_TIMEOUT. */
function timeoutNs(call: IoctlCall, input: CsIn): number {
  const k = call.k;
  const seconds = (input.cs_flags & k.HL_CS_FLAGS_CUSTOM_TIMEOUT) !== 0 ? input.timeout : call.device.config.csTimeoutSec;
  const ms = call.device.mutations['timeout-wraps'] ? (seconds * 1000) >>> 0 : seconds * 1000;
  return ms * 1e6;
}

/**
 * DRM_IOCTL_HL_CS: validates a submission completely (flags, counts, every chunk, every packet of
 * every command buffer) before anything is queued, then queues its jobs and returns its sequence
 * number. The emulated device implements plain submissions (with FORCE_RESTORE, TIMESTAMP,
 * CUSTOM_TIMEOUT, SKIP_RESET_ON_TIMEOUT); signal/wait, staged, encapsulated-signal and engine-command
 * submissions are rejected with EINVAL.
 */
export const csIoctl: IoctlHandler = {
  ioctl: 'DRM_IOCTL_HL_CS',
  onControl: false,
  handle(call: IoctlCall): Errno {
    const { device, k } = call;
    const ctx = call.ctx;
    if (ctx === undefined) return call.errno('badValue');
    const input = call.codecs.csIn.read(call.view, 0);
    const flags = input.cs_flags;
    const count = (c: 'validation' | 'deviceInReset' | 'maxCsInFlight' | 'queueFull'): void => {
      ctx.counters[c] += 1;
      device.counters[c] += 1;
    };
    if (!device.operational) {
      count('deviceInReset');
      return call.errno('busy');
    }
    const unsupported = k.HL_CS_FLAGS_SIGNAL | k.HL_CS_FLAGS_WAIT | k.HL_CS_FLAGS_COLLECTIVE_WAIT | k.HL_CS_FLAGS_STAGED_SUBMISSION
      | k.HL_CS_FLAGS_STAGED_SUBMISSION_FIRST | k.HL_CS_FLAGS_STAGED_SUBMISSION_LAST | k.HL_CS_FLAGS_ENCAP_SIGNALS
      | k.HL_CS_FLAGS_RESERVE_SIGNALS_ONLY | k.HL_CS_FLAGS_UNRESERVE_SIGNALS_ONLY | k.HL_CS_FLAGS_ENGINE_CORE_COMMAND
      | k.HL_CS_FLAGS_FLUSH_PCI_HBW_WRITES | k.HL_CS_FLAGS_ENGINES_COMMAND;
    if ((flags & unsupported) !== 0) {
      count('validation');
      return call.errno('badValue');
    }
    const nExec = input.num_chunks_execute;
    const nRestore = input.num_chunks_restore;
    const max = device.mutations['chunk-count-unchecked'] ? Infinity : k.HL_MAX_JOBS_PER_CS;
    if (nExec === 0 || nExec > max || nRestore > max) {
      count('validation');
      return call.errno('outOfRange');
    }
    if (device.scheduler.inflight.length >= device.config.maxCsInFlight) {
      count('maxCsInFlight');
      return call.errno('exhausted');
    }
    const parse: ParseContext = { config: device.config, mutations: device.mutations, translate: (va, n) => ctx.translate(va, n) };
    const restore = !ctx.restored || (flags & k.HL_CS_FLAGS_FORCE_RESTORE) !== 0;
    const planned: PlannedJob[] = [];
    if (restore && nRestore > 0) {
      const rc = planChunks(call, ctx, input.chunks_restore ?? 0n, nRestore, parse, planned);
      if (rc !== 0) return rc;
    }
    const rc = planChunks(call, ctx, input.chunks_execute ?? 0n, nExec, parse, planned);
    if (rc !== 0) return rc;
    for (const q of device.scheduler.queues) {
      const adding = planned.filter((j) => j.queue === q.id).length;
      if (q.jobs.length + adding > device.config.queueDepth) {
        count('queueFull');
        return call.errno('exhausted');
      }
    }
    const now = device.clock.now;
    const seq = ++ctx.lastSeq;
    const cs = new CsRecord(seq, ctx.id, now, now + timeoutNs(call, input), (flags & k.HL_CS_FLAGS_TIMESTAMP) !== 0,
      (flags & k.HL_CS_FLAGS_SKIP_RESET_ON_TIMEOUT) !== 0);
    cs.jobs = planned.map((p): Job => ({ cs, queue: p.queue, packets: p.packets, pc: 0 }));
    for (const p of planned) {
      if (p.cb === undefined) continue;
      p.cb.csRefs += 1;
      cs.cbs.push(p.cb);
    }
    if (restore) ctx.restored = true;
    ctx.submissions.set(seq, cs);
    device.scheduler.submit(cs);
    call.clearArg();
    call.codecs.csOut.write(call.view, 0, { seq: BigInt(seq), status: k.HL_CS_STATUS_SUCCESS });
    return 0;
  },
};
