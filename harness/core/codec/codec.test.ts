import test from 'ava';
import { findAbi, type Abi } from '../layout/abi';
import { anonymous, array, be32, defineSpec, enumeration, le16, s16, s64, struct, u16, u32, u64, u8, union, cScalar } from '../model/dsl';
import type { Spec } from '../model/model';
import { spec as habanalabs } from '../../../specs/habanalabs/spec';
import { codecFor, codecForNode } from './codec-for';
import { formatCodecError } from './codec-error';

const abi = (name: string): Abi => {
  const a = findAbi(name);
  if (a === undefined) throw new Error(`no ABI ${name}`);
  return a;
};
const x86_64 = abi('x86_64');
const i386 = abi('i386');
const s390x = abi('s390x');

const classic = struct('classic', { a: u32, b: u64, c: u32 });
const hl_cs_in = struct('hl_cs_in', {
  chunks: anonymous(union({ addrs: anonymous(struct({ chunks_restore: u64, chunks_execute: u64 })), engines: u64 })),
  num_chunks_restore: u32,
  num_chunks_execute: u32,
  pad: array(u8, 8),
});
const mixed = struct('mixed', { be: be32, le: le16, s: s16, big: s64, list: array(u16, 4), nested: classic });
const colour = enumeration('colour', { RED: 0, GREEN: 1, DEEP: -1 });
const withEnum = struct('with_enum', { c: colour, n: u32 });
const bits = struct('bits', { a: u8.bits(3), b: u8.bits(5), c: u16 });
const withLong = struct('with_long', { l: cScalar<number | bigint>('unsigned long'), f: cScalar('float'), d: cScalar('double') });
const spec: Spec = defineSpec({ name: 'codec-test', version: '1.0.0', types: [classic, hl_cs_in, mixed, withEnum, withLong, bits] });

function codec(name: string, a: Abi = x86_64) {
  const c = codecFor(spec, a, name);
  if (c === undefined) throw new Error(`no codec for ${name}`);
  return c;
}

test('the classic {u32; u64; u32} is 16 bytes on i386 and 24 on x86_64, and the codec shows the difference', (t) => {
  const on386 = codec('classic', i386);
  const on64 = codec('classic', x86_64);
  t.is(on386.size, 16);
  t.is(on64.size, 24);
  const value = { a: 1, b: 0x0000000200000003n, c: 4 };
  const bytes = on386.encode(value);
  if (!bytes.ok) return t.fail(formatCodecError(bytes.error));
  t.deepEqual([...bytes.value], [1, 0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 0, 4, 0, 0, 0]);
  // An x86_64 reader of the same bytes (zero-extended, as a kernel copies a shorter struct) sees b
  // at offset 8 and c at offset 16: both wrong.
  const widened = new Uint8Array(24);
  widened.set(bytes.value);
  const read = on64.decode(widened);
  if (!read.ok) return t.fail();
  t.deepEqual(read.value, { a: 1, b: 4n << 32n | 2n, c: 0 });
  t.notDeepEqual(read.value, value);
  const back = on386.decode(bytes.value);
  t.deepEqual(back.ok && back.value, value);
});

test('a value that does not fit is rejected with the C path of the field', (t) => {
  const r = codec('hl_cs_in').encode({ num_chunks_restore: 4294967296 });
  t.false(r.ok);
  if (r.ok) return;
  t.is(formatCodecError(r.error), 'hl_cs_in.num_chunks_restore: 4294967296 does not fit __u32');
  t.is(r.error.code, 'CODEC_RANGE');
});

test('errors inside arrays and nested records name the element', (t) => {
  const bad = codec('mixed').encode({ list: [1, 2, 70000] });
  t.is(!bad.ok && formatCodecError(bad.error), 'mixed.list[2]: 70000 does not fit __u16');
  const nested = codec('mixed').encode({ nested: { b: -1n } });
  t.is(!nested.ok && formatCodecError(nested.error), 'mixed.nested.b: -1 does not fit __u64');
  const fraction = codec('mixed').encode({ s: 1.5 });
  t.is(!fraction.ok && formatCodecError(fraction.error), 'mixed.s: 1.5 is not an integer (__s16)');
  const kind = codec('mixed').encode({ s: '3' as unknown as number });
  t.is(!kind.ok && kind.error.code, 'CODEC_VALUE_KIND');
  const tooLong = codec('mixed').encode({ list: [1, 2, 3, 4, 5] });
  t.is(!tooLong.ok && formatCodecError(tooLong.error), 'mixed.list: expected an array of at most 4 elements, got an array of 5');
  const notObject = codec('mixed').encode({ nested: 5 as unknown as object });
  t.is(!notObject.ok && notObject.error.code, 'CODEC_SHAPE');
});

test('anonymous members are named at the level of their parent, and union members alias', (t) => {
  const c = codec('hl_cs_in');
  t.is(c.size, 32);
  const r = c.encode({ chunks_restore: 0x1122n, chunks_execute: 7n, num_chunks_execute: 3 });
  if (!r.ok) return t.fail(formatCodecError(r.error));
  const back = c.decode(r.value);
  t.deepEqual(back.ok && back.value, {
    chunks_restore: 0x1122n, chunks_execute: 7n, engines: 0x1122n, num_chunks_restore: 0, num_chunks_execute: 3, pad: [0, 0, 0, 0, 0, 0, 0, 0],
  });
});

test('byte order: __be32 is big-endian everywhere, native fields follow the ABI', (t) => {
  const le = codec('mixed', x86_64).encode({ be: 0x01020304, le: 0x0506, big: -2n });
  const be = codec('mixed', s390x).encode({ be: 0x01020304, le: 0x0506, big: -2n });
  if (!le.ok || !be.ok) return t.fail();
  t.deepEqual([...le.value.subarray(0, 6)], [1, 2, 3, 4, 6, 5]);
  t.deepEqual([...be.value.subarray(0, 6)], [1, 2, 3, 4, 6, 5]);
  t.deepEqual([...le.value.subarray(8, 16)], [0xfe, 255, 255, 255, 255, 255, 255, 255]);
  t.deepEqual([...be.value.subarray(8, 16)], [255, 255, 255, 255, 255, 255, 255, 0xfe]);
  const back = codec('mixed', s390x).decode(be.value);
  t.is(back.ok && (back.value as { big: bigint }).big, -2n);
});

test('64-bit fields read as bigint and accept safe-integer numbers; missing fields are zero', (t) => {
  const c = codec('classic');
  const r = c.encode({ b: 5 });
  if (!r.ok) return t.fail();
  t.deepEqual(c.decode(r.value).ok && c.decode(r.value), { ok: true, value: { a: 0, b: 5n, c: 0 } });
  const unsafe = c.encode({ b: 2 ** 60 });
  t.false(unsafe.ok);
});

test('enums take their C size and signedness; long follows the ABI; floats round-trip exactly', (t) => {
  const e = codec('with_enum');
  t.is(e.size, 8);
  const r = e.encode({ c: -1, n: 2 });
  t.deepEqual(r.ok && e.decode(r.value), { ok: true, value: { c: -1, n: 2 } });
  t.is(codec('with_long', x86_64).size, 24);
  t.is(codec('with_long', i386).size, 16);
  const l64 = codec('with_long', x86_64).encode({ l: 1n << 40n, f: 0.5, d: 0.1 });
  const back = l64.ok && codec('with_long', x86_64).decode(l64.value);
  t.deepEqual(back, { ok: true, value: { l: 1n << 40n, f: 0.5, d: 0.1 } });
  const l32 = codec('with_long', i386).encode({ l: 2 ** 32 });
  t.is(!l32.ok && formatCodecError(l32.error), 'with_long.l: 4294967296 does not fit unsigned long');
  const inexact = codec('with_long').encode({ f: 0.1 });
  t.false(inexact.ok);
});

test('decoding a buffer shorter than the type is an error, not a throw', (t) => {
  const r = codec('classic').decode(new Uint8Array(10));
  t.false(r.ok);
  t.is(!r.ok && r.error.code, 'CODEC_SHORT_BUFFER');
  t.false(codec('classic').decode(new Uint8Array(24), 1).ok);
});

test('codecs are compiled once per (spec, ABI, type)', (t) => {
  t.is(codecFor(spec, x86_64, 'classic'), codecFor(spec, x86_64, 'classic'));
  t.not(codecFor(spec, x86_64, 'classic'), codecFor(spec, i386, 'classic'));
  t.is(codecFor(spec, x86_64, 'no_such_type'), undefined);
  const scalar = codecFor<number>(spec, s390x, '__u32');
  const r = scalar?.encode(0x0a0b0c0d);
  t.deepEqual(r?.ok && [...r.value], [10, 11, 12, 13]);
  const node = { kind: 'array', element: { kind: 'scalar', name: '__u16' }, length: 2 } as const;
  t.is(codecForNode(spec, x86_64, node), codecForNode(spec, x86_64, node));
  t.is(codecForNode(spec, x86_64, node).size, 4);
});

test('write works in place at an offset and leaves the rest of the buffer alone', (t) => {
  const c = codec('classic', i386);
  const buf = new Uint8Array(32).fill(0xee);
  const err = c.write(new DataView(buf.buffer), 8, { a: 1, b: 2n, c: 3 });
  t.is(err, undefined);
  t.deepEqual([...buf.subarray(0, 8)], new Array(8).fill(0xee));
  t.deepEqual([...buf.subarray(24)], new Array(8).fill(0xee));
  t.deepEqual(c.read(new DataView(buf.buffer), 8), { a: 1, b: 2n, c: 3 });
});

test('bit-fields are allocated from the low bits on little-endian ABIs and from the high bits on big-endian ones', (t) => {
  const le = codec('bits', x86_64).encode({ a: 5, b: 17, c: 0x0102 });
  const be = codec('bits', s390x).encode({ a: 5, b: 17, c: 0x0102 });
  t.deepEqual(le.ok && [...le.value], [0x8d, 0, 2, 1]);
  t.deepEqual(be.ok && [...be.value], [0xb1, 0, 1, 2]);
  t.deepEqual(be.ok && codec('bits', s390x).decode(be.value), { ok: true, value: { a: 5, b: 17, c: 0x0102 } });
  const wide = codec('bits').encode({ a: 8 });
  t.is(!wide.ok && formatCodecError(wide.error), 'bits.a: 8 does not fit __u8:3');
});

test('the habanalabs spec: errors carry the C path, anonymous union members read at their C names', (t) => {
  const cs = codecFor(habanalabs, x86_64, 'hl_cs_in');
  const r = cs?.encode({ num_chunks_restore: 2 ** 32 });
  t.is(r !== undefined && !r.ok && formatCodecError(r.error), 'hl_cs_in.num_chunks_restore: 4294967296 does not fit __u32');
  const args = codecFor(habanalabs, i386, 'hl_info_args');
  const bytes = args?.encode({ return_pointer: 0x1000n, return_size: 304, op: 0, period_ms: 500 });
  const back = bytes?.ok === true ? args?.decode(bytes.value) : undefined;
  t.like(back?.ok === true ? back.value : {}, { return_pointer: 0x1000n, return_size: 304, op: 0, dcore_id: 500, period_ms: 500, array_size: 500, pad: 0 });
  t.is(args?.size, 24);
});
