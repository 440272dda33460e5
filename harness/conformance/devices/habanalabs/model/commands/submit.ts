import { packets as packetWriter } from '../../../../../../emulator/device/packets';
import { ensure, type RuleId } from '../../../../pbt/rules';
import { callValue } from '../../../../pbt/world/call-value';
import { EMULATED_SCOPE } from '../scope';
import { pick } from '../state';
import { expectErrno, ioctlOf, onSides, ownMappingHolding, resolveAddr, resolveHandle, slotOf, unknownFlagBits, type Exec, type ResolvedHandle } from './context';
import { handleExpectation } from './cb';
import type { ChunkData, DataOf, Packet } from './data';
import type { Handler } from './handler';

const CS = 'DRM_IOCTL_HL_CS';
/** Opcodes the emulated queues do not know (0x1..0xb minus the defined ones, and the top of the range). */
export const UNKNOWN_OPCODES = [0x0, 0x2, 0x3, 0x5, 0x6, 0xc, 0x10, 0x1f];

/** One fault the model sees in a submission: the errno it predicts and the rule a wrong answer breaks. */
interface Fault {
  readonly errno: number;
  readonly rule: RuleId;
  readonly what: string;
}

/** A chunk after the model resolved it: its queue, buffer, stream and what the stream does. */
interface PlannedChunk {
  readonly queue: number;
  readonly cb: ResolvedHandle;
  readonly bytes: Uint8Array;
  readonly size: number;
  readonly stuck: boolean;
  readonly touches: readonly bigint[];
}

function encodeStream(x: Exec, slot: number, list: readonly Packet[], faults: Fault[]): { bytes: Uint8Array; stuck: boolean; touches: bigint[] } {
  const { env, m } = x;
  const cs = ioctlOf(x, CS);
  const cfg = env.config;
  const w = packetWriter();
  let stopped = false;
  let stuck = false;
  const touches: bigint[] = [];
  const bad = (rule: RuleId, what: string, cls: 'badValue' | 'privileged'): void => { faults.push({ errno: cs.errnoOf(cls), rule, what }); };
  for (const p of list) {
    switch (p.p) {
      case 'nop': w.nop(); break;
      case 'stop': w.stop(); stopped = true; break;
      case 'wreg': {
        const user = (p.pick * 4) % cfg.securedRegisterBase;
        if (p.reg === 'secured') {
          w.wreg32(cfg.securedRegisterBase + ((p.pick * 4) % (cfg.registerFileSize - cfg.securedRegisterBase)), p.value);
          bad('no-privileged-register-write', 'a write to a secured register', 'privileged');
        } else if (p.reg === 'unaligned') {
          w.wreg32(user + 1 + (p.pick % 3), p.value);
          bad('D14/model-expected-result', 'an unaligned register write', 'badValue');
        } else w.wreg32(user, p.value);
        break;
      }
      case 'signal': {
        if (p.sob === 'driver') {
          w.signal(p.pick % env.firstUserSob, 1, p.add);
          bad('no-privileged-register-write', 'a signal of a driver sync object', 'privileged');
        } else if (p.sob === 'big') {
          w.signal(env.firstUserSob + (p.pick % 16), 0x8000 + p.pick, p.add);
          bad('D14/model-expected-result', 'a sync object value over 15 bits', 'badValue');
        } else w.signal(env.firstUserSob + (p.pick % 16), p.pick & 0x7fff, p.add);
        break;
      }
      case 'fenceStuck':
        // The last sync object: no generated stream ever signals it.
        w.fence(cfg.syncObjects - 1, 1);
        if (!stopped) stuck = true;
        break;
      case 'msgProt':
        w.msgProt(0, 0);
        bad('no-privileged-register-write', 'a MSG_PROT packet', 'privileged');
        break;
      case 'unknown':
        w.word(((p.opcode & 0x1f) << 24) >>> 0).word(0);
        bad('D14/model-expected-result', `unknown opcode 0x${p.opcode.toString(16)}`, 'badValue');
        break;
      case 'dma': {
        const src = resolveAddr(m, slot, p.src);
        const dst = resolveAddr(m, slot, p.dst);
        const room = src.room < dst.room ? src.room : dst.room;
        const len = p.len === 'zero' ? 0n : p.len === 'overrun' ? room + 1n : room < 1n ? 1n : room > 4096n ? 4096n : room;
        w.linDma(src.va, dst.va, Number(len));
        if (len === 0n) break;
        const s = ownMappingHolding(m, slot, src.va, len);
        const d = ownMappingHolding(m, slot, dst.va, len);
        if (s === undefined || d === undefined || !d.writable) {
          bad('no-dma-outside-own-mappings', `LIN_DMA 0x${src.va.toString(16)} -> 0x${dst.va.toString(16)} of ${len} bytes`, 'badValue');
        } else touches.push(...slotOf(m, slot).mappings.filter((mp) => (src.va >= mp.va && src.va < mp.va + mp.size) || (dst.va >= mp.va && dst.va < mp.va + mp.size)).map((mp) => mp.va));
        break;
      }
    }
  }
  return { bytes: w.bytes(), stuck, touches };
}

function planChunks(x: Exec, d: DataOf<'submit'>, faults: Fault[]): PlannedChunk[] {
  const { m, env } = x;
  const cs = ioctlOf(x, CS);
  const planned: PlannedChunk[] = [];
  for (const c of d.chunks) {
    const cb = resolveHandle(m, d.slot, 'cb', c.cb);
    const earlier = planned.find((p) => p.cb.value === cb.value);
    // A buffer named twice holds one stream: the later chunk runs what the earlier one wrote.
    const list: readonly Packet[] = earlier !== undefined ? (d.chunks[planned.indexOf(earlier)] as ChunkData).packets : c.packets;
    const chunkFaults: Fault[] = [];
    const stream = encodeStream(x, d.slot, list, chunkFaults);
    let queue: number;
    if (c.queue === 'cpu' && env.cpuQueues.length > 0) queue = pick(env.cpuQueues, c.queuePick) ?? 0;
    else if (c.queue !== 'user') queue = env.config.queues.length + (c.queuePick % 4);
    else queue = stream.stuck ? env.stuckQueue : pick(env.userQueues, c.queuePick) ?? env.stuckQueue;
    if (c.queue !== 'user') faults.push({ errno: cs.errnoOf('badValue'), rule: 'D14/model-expected-result', what: `queue ${queue} (${c.queue})` });
    const own = slotOf(m, d.slot).cbs.find((b) => b.handle === cb.value);
    if (cb.cls !== 'own') {
      const want = handleExpectation(x, CS, cb.cls);
      faults.push({ errno: want.errno, rule: want.rule, what: `a ${cb.cls} command buffer 0x${cb.value.toString(16)}` });
    } else if (c.oversize) {
      faults.push({ errno: cs.errnoOf('outOfRange'), rule: 'D5/counts-and-sizes-checked', what: 'cb_size past the buffer' });
    } else faults.push(...chunkFaults);
    const size = c.oversize ? (own?.allocSize ?? 4096) + 8 : stream.bytes.length;
    planned.push({ queue, cb, bytes: stream.bytes, size, stuck: stream.stuck, touches: stream.touches });
  }
  return planned;
}

function flagWord(x: Exec, d: DataOf<'submit'>, faults: Fault[]): number {
  const { env } = x;
  const cs = ioctlOf(x, CS);
  const supported = env.reach.csFlags;
  let flags = 0;
  for (const i of d.flags) {
    const name = pick(supported, i);
    if (name !== undefined) flags |= env.k(name);
  }
  if (d.timeoutSec !== null) flags |= env.k('HL_CS_FLAGS_CUSTOM_TIMEOUT');
  const group = env.facts.group(EMULATED_SCOPE.csFlagsGroup);
  const unsupported = (group?.names ?? []).filter((n) => !(EMULATED_SCOPE.csFlagsSupported as readonly string[]).includes(n));
  const u = d.unsupported !== null ? pick(unsupported, d.unsupported) : undefined;
  if (u !== undefined) {
    flags |= env.k(u);
    faults.push({ errno: cs.errnoOf('badValue'), rule: 'D14/model-expected-result', what: `${u}, which the emulated device does not implement` });
  }
  const bits = unknownFlagBits(env, EMULATED_SCOPE.csFlagsGroup, 4);
  const b = d.badBit !== null ? pick(bits, d.badBit) : undefined;
  if (b !== undefined) {
    flags |= 1 << b;
    faults.push({ errno: cs.errnoOf('unknownFlags'), rule: 'D2/unknown-flag-bits-rejected', what: `undefined flag bit ${b}` });
  }
  return flags >>> 0;
}

const describe = (faults: readonly Fault[]): string => (faults.length === 0 ? 'a valid submission' : faults.map((f) => f.what).join(', '));

/**
 * CS: a plain submission of one or two chunks. The model predicts every fault it contains (flags,
 * chunk count, queue, command buffer, cb_size, and each packet as the parser must judge it: secured
 * registers and driver sync objects EPERM, DMA only inside the context's own writable mappings); with
 * faults the call must fail with one of their errnos (D6 fixes no order) and change nothing, without
 * it succeeds with the next sequence number.
 */
export const submitHandler: Handler<'submit'> = {
  check: (m, d) => slotOf(m, d.slot).open,
  run(x, d) {
    const { m, r, env } = x;
    const faults: Fault[] = [];
    const flags = flagWord(x, d, faults);
    const planned = planChunks(x, d, faults);
    const maxJobs = env.k('HL_MAX_JOBS_PER_CS');
    const count = d.count === 'zero' ? 0 : d.count === 'tooMany' ? maxJobs + 1 : planned.length;
    if (d.count !== 'exact') faults.push({ errno: ioctlOf(x, CS).errnoOf('outOfRange'), rule: 'D5/counts-and-sizes-checked', what: `num_chunks_execute ${count}` });
    const chunkCodec = ioctlOf(x, CS).pointed.get('hl_cs_chunk');
    const now = r.sides[0]?.system.device.clock.now ?? 0;
    const before = slotOf(m, d.slot).lastSeq;
    const out = onSides(r, `CS submit (${describe(faults)})`, (side) => {
      const sys = side.system;
      const slot = side.slot(d.slot);
      for (const p of planned) {
        const own = slotOf(m, d.slot).cbs.find((b) => b.handle === p.cb.value);
        if (own === undefined) continue;
        const at = side.cbMapping(d.slot, p.cb.value, own.allocSize);
        if (at !== undefined) slot.process.write(at, p.bytes);
      }
      const stride = chunkCodec?.codec.size ?? 64;
      const array = new Uint8Array(stride * planned.length);
      planned.forEach((p, i) => chunkCodec?.codec.write(new DataView(array.buffer, i * stride, stride), 0, { cb_handle: p.cb.value, queue_index: p.queue, cb_size: p.size }));
      const address = sys.buffer(slot, array);
      const c = callValue(sys, slot, CS, { chunks_execute: BigInt(address), num_chunks_execute: count, cs_flags: flags, timeout: d.timeoutSec ?? 0 });
      return { errno: c.errno, seq: c.errno === 0 ? (c.out['seq'] as bigint) : 0n, status: c.errno === 0 ? (c.out['status'] as number) : 0 };
    });
    const rule = faults[0]?.rule ?? 'D14/model-expected-result';
    expectErrno(out.errno, faults.length === 0 ? [0] : faults.map((f) => f.errno), rule, () => `CS submit with ${describe(faults)}`);
    const s = slotOf(m, d.slot);
    if (out.errno !== 0) return;
    ensure(out.seq > before && out.seq !== 0n && out.seq !== (1n << 64n) - 1n, 'D14/model-expected-result', () => `CS returned sequence ${out.seq} after ${before}`);
    ensure(out.status === env.k('HL_CS_STATUS_SUCCESS'), 'D14/model-expected-result', () => `CS returned status ${out.status}`);
    s.lastSeq = out.seq;
    const stuck = planned.some((p) => p.stuck);
    const has = (name: string): boolean => env.facts.constant(name) !== undefined && (flags & env.k(name)) !== 0;
    const timeoutSec = d.timeoutSec ?? env.config.csTimeoutSec;
    s.css.push({
      seq: out.seq, order: m.submissions++, stuck, skipReset: has('HL_CS_FLAGS_SKIP_RESET_ON_TIMEOUT'), timestamp: has('HL_CS_FLAGS_TIMESTAMP'),
      deadline: now + timeoutSec * 1e9, fates: new Set(stuck ? ['pending'] : ['pending', 'completed']),
      touches: planned.flatMap((p) => p.touches), cbs: planned.map((p) => p.cb.value),
    });
  },
};

/** Timeouts in seconds a submission may ask for; 4294968 s overflows 32-bit millisecond arithmetic. */
export const CUSTOM_TIMEOUTS = [1, 2, 3, 10, 4294968, 4294967295];

