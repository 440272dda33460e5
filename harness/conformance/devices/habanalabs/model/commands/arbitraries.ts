import * as fc from 'fast-check';
import type { AddrRef, ChunkData, CommandData, HandleRef, InfoSize, Packet, PageChoice, SeqRef, SizeChoice } from './data';
import type { ModelReach } from '../reach';
import { UNKNOWN_OPCODES, CUSTOM_TIMEOUTS } from './submit';

/** Slots 0 and 1 are open at the start; slot 2 exists to hit the open limit. */
const slot = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(0, 1) }, { weight: 1, arbitrary: fc.constant(2) });
const small = fc.nat({ max: 7 });

/** `null` most of the time, sometimes a value: for faults that should come one at a time. */
function sometimes<T>(arb: fc.Arbitrary<T>, oneIn: number): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });
}

/** Mostly this file's own handle; now and then one the device must reject. */
const handleRef: fc.Arbitrary<HandleRef> = fc.record({
  from: fc.oneof(
    { weight: 12, arbitrary: fc.constant<HandleRef['from']>('own') },
    { weight: 1, arbitrary: fc.constantFrom<HandleRef['from']>('stale', 'foreign', 'otherKind', 'garbage') },
  ),
  pick: small,
});

const at = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 255 }));
const ownAddr: fc.Arbitrary<AddrRef> = fc.record({ from: fc.constant<AddrRef['from']>('own'), pick: small, at });
const anyAddr: fc.Arbitrary<AddrRef> = fc.record({ from: fc.constantFrom<AddrRef['from']>('own', 'foreign', 'stale', 'cb', 'garbage'), pick: small, at });

/** Packets the parser must accept (given own mappings) ... */
const goodPacket: fc.Arbitrary<Packet> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Packet>({ p: 'nop' }) },
  { weight: 1, arbitrary: fc.constant<Packet>({ p: 'stop' }) },
  { weight: 2, arbitrary: fc.record({ p: fc.constant('wreg' as const), reg: fc.constant('user' as const), pick: fc.nat({ max: 4095 }), value: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ p: fc.constant('signal' as const), sob: fc.constant('user' as const), pick: fc.nat({ max: 255 }), add: fc.boolean() }) },
  { weight: 2, arbitrary: fc.constant<Packet>({ p: 'fenceStuck' }) },
  { weight: 4, arbitrary: fc.record({ p: fc.constant('dma' as const), src: ownAddr, dst: ownAddr, len: fc.constantFrom('fit' as const, 'fit' as const, 'zero' as const) }) },
);
/** ... and packets it must reject: secured registers, driver sync objects, malformed ones, DMA outside the context's mappings. */
const badPacket: fc.Arbitrary<Packet> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ p: fc.constant('wreg' as const), reg: fc.constantFrom('secured' as const, 'unaligned' as const), pick: fc.nat({ max: 4095 }), value: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ p: fc.constant('signal' as const), sob: fc.constantFrom('driver' as const, 'big' as const), pick: fc.nat({ max: 255 }), add: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant<Packet>({ p: 'msgProt' }) },
  { weight: 2, arbitrary: fc.record({ p: fc.constant('unknown' as const), opcode: fc.constantFrom(...UNKNOWN_OPCODES) }) },
  { weight: 1, arbitrary: fc.record({ p: fc.constant('dma' as const), src: anyAddr, dst: anyAddr, len: fc.constantFrom('fit' as const, 'overrun' as const) }) },
  { weight: 1, arbitrary: fc.record({ p: fc.constant('dma' as const), src: ownAddr, dst: ownAddr, len: fc.constant('overrun' as const) }) },
  { weight: 1, arbitrary: fc.record({ p: fc.constant('dma' as const), src: fc.record({ from: fc.constant<AddrRef['from']>('foreign'), pick: small, at }), dst: ownAddr, len: fc.constant('fit' as const) }) },
  { weight: 1, arbitrary: fc.record({ p: fc.constant('dma' as const), src: ownAddr, dst: fc.record({ from: fc.constant<AddrRef['from']>('foreign'), pick: small, at }), len: fc.constant('fit' as const) }) },
);
/** A chunk with nothing wrong: this file's buffer, a user queue, packets the parser accepts. */
const cleanChunk: fc.Arbitrary<ChunkData> = fc.record({
  cb: fc.record({ from: fc.constant<HandleRef['from']>('own'), pick: small }),
  queue: fc.constant('user' as const),
  queuePick: small,
  packets: fc.array(goodPacket, { maxLength: 4 }),
  oversize: fc.constant(false),
});

type SubmitData = Extract<CommandData, { op: 'submit' }>;
type Injection = (d: SubmitData) => SubmitData;

/** Replaces chunk `i` (modulo their number) of a submission. */
const onChunk = (i: number, f: (c: ChunkData) => ChunkData): Injection => (d) => ({ ...d, chunks: d.chunks.map((c, j) => (j === i % d.chunks.length ? f(c) : c)) });

/**
 * One fault put into an otherwise valid submission (D6: the model then knows which errno must come):
 * a bad packet anywhere in a chunk, a queue users may not use, a command buffer that is not the
 * file's, a cb_size past the buffer, a chunk count out of range, an unimplemented or undefined flag.
 */
const injection: fc.Arbitrary<Injection> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(badPacket, small, small).map(([p, i, at]): Injection => onChunk(i, (c) => ({ ...c, packets: [...c.packets.slice(0, at % (c.packets.length + 1)), p, ...c.packets.slice(at % (c.packets.length + 1))] }))) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('cpu' as const, 'bad' as const), small).map(([q, i]): Injection => onChunk(i, (c) => ({ ...c, queue: q }))) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom<HandleRef['from']>('stale', 'foreign', 'otherKind', 'garbage'), small, small).map(([from, pick, i]): Injection => onChunk(i, (c) => ({ ...c, cb: { from, pick } }))) },
  { weight: 1, arbitrary: small.map((i): Injection => onChunk(i, (c) => ({ ...c, oversize: true }))) },
  { weight: 1, arbitrary: fc.constantFrom('zero' as const, 'tooMany' as const).map((count): Injection => (d) => ({ ...d, count })) },
  { weight: 1, arbitrary: fc.nat({ max: 15 }).map((u): Injection => (d) => ({ ...d, unsupported: u })) },
  { weight: 1, arbitrary: fc.nat({ max: 31 }).map((b): Injection => (d) => ({ ...d, badBit: b })) },
);

/** Valid submissions: a custom timeout now and then, when the client has one. */
function cleanSubmit(reach: ModelReach): fc.Arbitrary<SubmitData> {
  return fc.record({
    op: fc.constant('submit' as const), slot,
    chunks: fc.array(cleanChunk, { minLength: 1, maxLength: 2 }),
    flags: fc.subarray([0, 1, 2]),
    unsupported: fc.constant(null),
    badBit: fc.constant(null),
    timeoutSec: reach.csTimeout ? sometimes(fc.constantFrom(...CUSTOM_TIMEOUTS), 3) : fc.constant(null),
    count: fc.constant('exact' as const),
  });
}

/** Submissions: mostly valid, often with one fault, now and then with two (either errno may come first). */
function submit(reach: ModelReach): fc.Arbitrary<SubmitData> {
  const clean = cleanSubmit(reach);
  return fc.oneof(
    { weight: 5, arbitrary: clean },
    { weight: 7, arbitrary: fc.tuple(clean, injection).map(([d, f]) => f(d)) },
    { weight: 1, arbitrary: fc.tuple(clean, injection, injection).map(([d, f, g]) => g(f(d))) },
  );
}

const seqRef: fc.Arbitrary<SeqRef> = fc.record({
  from: fc.oneof({ weight: 6, arbitrary: fc.constant('own' as const) }, { weight: 1, arbitrary: fc.constantFrom('future' as const, 'foreign' as const) }),
  pick: small,
});

/** µs; 700 s outlasts a timeout that wrapped in 32-bit millisecond arithmetic (672 s). */
const WAIT_TIMEOUTS = [0n, 1n, 1000n, 500_000n, 1_000_000n, 2_500_000n, 6_000_000n, 700_000_000n];

const sizeChoice = fc.constantFrom<SizeChoice>('one', 'hostPage', 'pageMinus1', 'page', 'pagePlus1', 'threePages', 'quarterOfFree', 'moreThanFree', 'zero', 'huge63', 'max64', 'wrapsPage');
const pageChoice = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<PageChoice>('default', 'base') },
  { weight: 2, arbitrary: fc.constantFrom<PageChoice>('double', 'max', 'overMax', 'notPow2', 'belowMin') },
);
/** CB sizes: small, around a page, and around HL_MAX_CB_SIZE (0x1fffe0) and past it. */
const CB_SIZES = [0, 1, 8, 64, 4095, 4096, 4097, 65536, 0x1fffe0, 0x1fffe1, 0x200000, 0xffffffff];

export type CommandArbs = { readonly [K in CommandData['op']]: fc.Arbitrary<Extract<CommandData, { op: K }>> };

/**
 * Generators of every command, as data, for a client that reaches `reach`: a variant the client's
 * spec cannot express (a mapped CB, a page size, a custom timeout, a CB's device address) is never
 * generated. Whether a whole command is in reach is the caller's choice (ModelReach.ops).
 */
export const commandArbitraries = (reach: ModelReach): CommandArbs => ({
  open: fc.record({ op: fc.constant('open' as const), slot }),
  close: fc.record({ op: fc.constant('close' as const), slot }),
  cbCreate: fc.record({ op: fc.constant('cbCreate' as const), slot, size: fc.constantFrom(...CB_SIZES), map: reach.cbMap ? fc.boolean() : fc.constant(false), badBit: sometimes(fc.nat({ max: 31 }), 8) }),
  cbDestroy: fc.record({ op: fc.constant('cbDestroy' as const), slot, ref: handleRef }),
  cbInfo: fc.record({ op: fc.constant('cbInfo' as const), slot, ref: handleRef, wantVa: reach.cbDeviceVa ? fc.boolean() : fc.constant(false) }),
  memAlloc: fc.record({ op: fc.constant('memAlloc' as const), slot, size: sizeChoice, page: reach.allocPageSize ? pageChoice : fc.constant<PageChoice>('default'),
    contiguous: reach.allocContiguous ? fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }) : fc.constant(false),
  }),
  memFree: fc.record({ op: fc.constant('memFree' as const), slot, ref: handleRef }),
  mapDevice: fc.record({ op: fc.constant('mapDevice' as const), slot, ref: handleRef }),
  mapHost: fc.record({
    op: fc.constant('mapHost' as const), slot, size: fc.constantFrom(1, 100, 4096, 4097, 65536), readOnly: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    fault: fc.oneof({ weight: 8, arbitrary: fc.constant('none' as const) }, { weight: 1, arbitrary: fc.constantFrom('unmapped' as const, 'tooLong' as const, 'zero' as const) }),
  }),
  unmap: fc.record({ op: fc.constant('unmap' as const), slot, ref: fc.record({ from: fc.oneof({ weight: 8, arbitrary: fc.constant<AddrRef['from']>('own') }, { weight: 1, arbitrary: fc.constantFrom<AddrRef['from']>('foreign', 'stale', 'cb', 'garbage') }), pick: small, at: fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 255 }) }) }) }),
  submit: submit(reach),
  wait: fc.record({ op: fc.constant('wait' as const), slot, seq: seqRef, timeoutUs: fc.constantFrom(...WAIT_TIMEOUTS), signal: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }) }),
  waitMulti: fc.record({
    op: fc.constant('waitMulti' as const), slot, seqs: fc.array(seqRef, { minLength: 1, maxLength: 3 }), timeoutUs: fc.constant(0n),
    len: fc.oneof({ weight: 2, arbitrary: fc.constant('exact' as const) }, { weight: 1, arbitrary: fc.constantFrom('zero' as const, 'tooMany' as const) }),
  }),
  info: fc.record({
    op: fc.constant('info' as const), slot, pick: fc.nat({ max: 63 }), focus: fc.boolean(), unknownOp: fc.oneof({ weight: 12, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    size: fc.constantFrom<InfoSize>('exact', 'minus1', 'plus8', 'eight', 'one', 'page'),
    fault: fc.oneof({ weight: 10, arbitrary: fc.constant('none' as const) }, { weight: 1, arbitrary: fc.constantFrom('null' as const, 'zeroSize' as const, 'unmapped' as const) }),
    perOp: fc.constantFrom(0, 100, 500, 1000, 150, 1100, 3, 7, 50),
  }),
});
