import test from 'ava';
import { E } from '../errno';
import { mutationSet, type MutationId } from '../mutations';
import { AddressSpace } from '../process/address-space';
import { DEFAULT_CONFIG } from './config';
import { parseCommandStream, type ParseContext, type ParseResult } from './cs-parser';
import { Mmu } from './mmu';
import { packets, type PacketWriter } from './packets';

// A context with one host mapping of 100 bytes (read/write) and one of 64 bytes (read-only).
const space = new AddressSpace(8);
const rw = space.map(4096);
const ro = space.map(4096, { writable: false });
const mmu = new Mmu();
const region = (a: { ok: boolean; value?: number }) => space.region((a as { value: number }).value);
const rwMap = mmu.map({ range: 'host', size: 100, align: 4096, target: { kind: 'host', region: region(rw)!, offset: 0 } }, false)!;
const roMap = mmu.map({ range: 'host', size: 64, align: 4096, target: { kind: 'host', region: region(ro)!, offset: 0 } }, false)!;

const parse = (w: PacketWriter, mutations: readonly MutationId[] = []): ParseResult => {
  const ctx: ParseContext = { config: DEFAULT_CONFIG, mutations: mutationSet(mutations), translate: (va, n) => mmu.find(va, n) };
  const b = w.bytes();
  return parseCommandStream(b, 0, b.length, ctx);
};
const rejected = (r: ParseResult): { errno: number; offset: number; reason: string } | undefined => (r.ok ? undefined : r.failure);

test('a valid stream decodes to the packets it holds', (t) => {
  const r = parse(packets().nop().wreg32(0x100, 7).signal(300, 1, true).fence(300, 1).linDma(rwMap.va, rwMap.va + 50, 50).stop());
  t.true(r.ok);
  t.deepEqual(r.ok && r.packets.map((p) => p.op), ['nop', 'wreg', 'signal', 'fence', 'dma', 'stop']);
});

test('unknown opcodes are rejected (EINVAL) at their offset', (t) => {
  const f = rejected(parse(packets().nop().word(0x1f000000).word(0)));
  t.is(f?.errno, E.EINVAL);
  t.is(f?.offset, 8);
  t.regex(f?.reason ?? '', /unknown opcode 0x1f/);
  t.is(rejected(parse(packets().word(0x4a000000).word(0)))?.errno, E.EINVAL, 'barrier bits are not part of this packet set');
});

test('a stream whose length is not a multiple of 8, or that cuts a packet, is rejected', (t) => {
  const b = packets().nop().bytes();
  const ctx: ParseContext = { config: DEFAULT_CONFIG, mutations: mutationSet(), translate: () => undefined };
  t.is(rejected(parseCommandStream(b, 0, 5, ctx))?.errno, E.EINVAL);
  const dma = packets().linDma(rwMap.va, rwMap.va, 1).bytes();
  const cut = parseCommandStream(dma, 0, 16, ctx);
  t.regex(rejected(cut)?.reason ?? '', /runs past the stream end/);
});

test('writes to secured registers are EPERM; unaligned registers EINVAL', (t) => {
  const secured = rejected(parse(packets().wreg32(DEFAULT_CONFIG.securedRegisterBase, 1)));
  t.is(secured?.errno, E.EPERM);
  t.is(rejected(parse(packets().wreg32(0x102, 1)))?.errno, E.EINVAL);
  t.true(parse(packets().wreg32(DEFAULT_CONFIG.securedRegisterBase - 4, 1)).ok);
});

test('the driver\'s sync objects are EPERM; nonexistent ones and oversized values EINVAL', (t) => {
  t.is(rejected(parse(packets().signal(DEFAULT_CONFIG.firstUserSyncObject - 1, 1)))?.errno, E.EPERM);
  t.is(rejected(parse(packets().fence(0, 1)))?.errno, E.EPERM);
  t.is(rejected(parse(packets().signal(DEFAULT_CONFIG.syncObjects, 1)))?.errno, E.EINVAL);
  t.is(rejected(parse(packets().signal(300, 0x8000)))?.errno, E.EINVAL);
});

test('MSG_PROT is the driver\'s own packet: EPERM from a user buffer', (t) => {
  t.is(rejected(parse(packets().msgProt(rwMap.va, 1)))?.errno, E.EPERM);
});

test('LIN_DMA must stay inside the context\'s mappings, and not write read-only host memory', (t) => {
  t.true(parse(packets().linDma(rwMap.va, rwMap.va + 50, 50)).ok, 'exactly to the end');
  const past = rejected(parse(packets().linDma(rwMap.va, rwMap.va + 50, 51)));
  t.is(past?.errno, E.EINVAL);
  t.regex(past?.reason ?? '', /destination/);
  t.regex(rejected(parse(packets().linDma(0x1234, rwMap.va, 4)))?.reason ?? '', /source/);
  t.regex(rejected(parse(packets().linDma(rwMap.va, roMap.va, 4)))?.reason ?? '', /read-only/);
  t.true(parse(packets().linDma(roMap.va, rwMap.va, 4)).ok, 'reading read-only memory is fine');
  t.true(parse(packets().linDma(0, 0, 0)).ok, 'an empty transfer touches nothing');
});

test('reserved header bits are rejected', (t) => {
  t.is(rejected(parse(packets().word(0x09000001).word(4).word(0).word(0).word(0).word(0)))?.errno, E.EINVAL);
  t.is(rejected(parse(packets().word(0x04200000 | 300).word(1)))?.errno, E.EINVAL);
});

test('mutations loosen exactly their check', (t) => {
  t.true(parse(packets().linDma(rwMap.va, rwMap.va + 50, 51), ['dma-bound-off-by-one']).ok);
  t.false(parse(packets().linDma(rwMap.va, rwMap.va + 50, 52), ['dma-bound-off-by-one']).ok);
  t.true(parse(packets().linDma(0x1234, 0x5678, 8), ['skip-dma-check']).ok);
  t.true(parse(packets().wreg32(DEFAULT_CONFIG.securedRegisterBase, 1), ['allow-secured-register-write']).ok);
  const unknown = parse(packets().word(0x1f000000).word(0), ['accept-unknown-packet']);
  t.deepEqual(unknown.ok && unknown.packets, [{ op: 'undefined', opcode: 0x1f }]);
});
