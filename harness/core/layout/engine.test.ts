import test from 'ava';
import { alignedU64, anonymous, array, defineSpec, enumeration, struct, u16, u32, u64, u8, union, type Shape } from '../model/dsl';
import type { Spec } from '../model/model';
import { findAbi, type Abi } from './abi';
import { layoutEngine } from './engine';
import { fieldViews } from './spec-layout';

const abi = (n: string): Abi => {
  const a = findAbi(n);
  if (a === undefined) throw new Error(`no ABI ${n}`);
  return a;
};
const specOf = (...types: Shape[]): Spec =>
  defineSpec({ name: 't', version: '1.0.0', types: types.map((t, i) => struct(`t${i}`, t)) });

test('the classic hazard: __u32, __u64, __u32 is 16 bytes on i386 and 24 on x86_64', (t) => {
  const spec = specOf({ a: u32, b: u64, c: u32 });
  const i386 = layoutEngine(spec, abi('i386')).record('t0');
  const x64 = layoutEngine(spec, abi('x86_64')).record('t0');
  t.is(i386.size, 16);
  t.is(i386.align, 4);
  t.deepEqual(i386.members.map((m) => m.offset), [0, 4, 12]);
  t.is(x64.size, 24);
  t.is(x64.align, 8);
  t.deepEqual(x64.members.map((m) => m.offset), [0, 8, 16]);
  t.deepEqual(x64.padding, [{ offset: 4, size: 4, tail: false }, { offset: 20, size: 4, tail: true }]);
});

test('__aligned_u64 is 8-aligned on every ABI, including i386 and m68k', (t) => {
  const spec = specOf({ a: u32, b: alignedU64 });
  for (const n of ['x86_64', 'i386', 'arm', 'mips', 'm68k']) {
    const r = layoutEngine(spec, abi(n)).record('t0');
    t.is(r.size, 16, n);
    t.is(r.members[1]?.offset, 8, n);
  }
});

test('arm EABI and mips o32 align __u64 to 8; m68k aligns everything to at most 2', (t) => {
  const spec = specOf({ a: u16, b: u64 });
  t.is(layoutEngine(spec, abi('arm')).record('t0').size, 16);
  t.is(layoutEngine(spec, abi('mips')).record('t0').size, 16);
  t.is(layoutEngine(spec, abi('i386')).record('t0').size, 12);
  const m68k = layoutEngine(spec, abi('m68k')).record('t0');
  t.is(m68k.size, 10);
  t.is(m68k.align, 2);
});

test('packed removes padding; aligned(N) raises alignment and rounds the size', (t) => {
  const spec = defineSpec({
    name: 't', version: '1.0.0',
    types: [
      struct('p', { a: u8, b: u64, c: u16 }, { packed: true }),
      struct('al', { a: u32 }, { aligned: 16 }),
      struct('pm', { a: u8, b: u32.aligned(4) }, { packed: true }),
    ],
  });
  const e = layoutEngine(spec, abi('x86_64'));
  t.like(e.record('p'), { size: 11, align: 1 });
  t.deepEqual(e.record('p').members.map((m) => m.offset), [0, 1, 9]);
  t.like(e.record('al'), { size: 16, align: 16 });
  t.deepEqual(e.record('pm').members.map((m) => m.offset), [0, 4]);
  t.is(e.record('pm').size, 8);
});

test('unions take the largest member and the strictest alignment', (t) => {
  const spec = defineSpec({ name: 't', version: '1.0.0', types: [union('u', { a: u8, b: array(u16, 3), c: u64 })] });
  t.like(layoutEngine(spec, abi('x86_64')).record('u'), { kind: 'union', size: 8, align: 8 });
  t.like(layoutEngine(spec, abi('i386')).record('u'), { size: 8, align: 4 });
});

test('anonymous members are listed where C names them, with absolute offsets', (t) => {
  const inner = struct('inner', { x: u32, y: u32 });
  const spec = defineSpec({
    name: 't', version: '1.0.0',
    types: [struct('outer', { head: u64, _u: anonymous(union({ a: u32, b: u64 })), named: inner })],
  });
  const views = fieldViews(layoutEngine(spec, abi('x86_64')).record('outer').members);
  t.deepEqual(views.map((v) => [v.name, v.offset, v.size]), [['head', 0, 8], ['a', 8, 4], ['b', 8, 8], ['named', 16, 8]]);
  t.deepEqual(views[3]?.fields?.map((v) => [v.name, v.offset]), [['x', 16], ['y', 20]]);
});

test('bit-fields pack into their declared type unit and do not straddle it', (t) => {
  const spec = specOf({ a: u32.bits(3), b: u32.bits(30), c: u8 });
  const r = layoutEngine(spec, abi('x86_64')).record('t0');
  t.deepEqual(r.members.map((m) => [m.bitOffset, m.bitSize, m.offset]), [[0, 3, 0], [32, 30, 4], [undefined, undefined, 8]]);
  t.is(r.size, 12);
});

test('flexible array members add alignment, not size', (t) => {
  const spec = specOf({ n: u32, items: array(u64, 0) });
  t.like(layoutEngine(spec, abi('x86_64')).record('t0'), { size: 8, align: 8 });
  t.like(layoutEngine(spec, abi('i386')).record('t0'), { size: 4, align: 4 });
});

test('enums are ints unless their values need 64 bits; packed enums shrink', (t) => {
  const small = enumeration('small', { A: 0, B: 200 });
  const tiny = enumeration('tiny', { A: 0, B: 200 }, { packed: true });
  const big = enumeration('big', { A: 0, B: 0x1_0000_0000n });
  const spec = defineSpec({ name: 't', version: '1.0.0', types: [small, tiny, big] });
  const e = layoutEngine(spec, abi('i386'));
  t.deepEqual(e.enumSizeAlign('small'), { size: 4, align: 4 });
  t.deepEqual(e.enumSizeAlign('tiny'), { size: 1, align: 1 });
  t.deepEqual(e.enumSizeAlign('big'), { size: 8, align: 4 });
});

test('layouts are computed once per (type, ABI)', (t) => {
  const spec = specOf({ a: u32 });
  const e = layoutEngine(spec, abi('x86_64'));
  t.is(layoutEngine(spec, abi('x86_64')), e);
  t.is(e.record('t0'), e.record('t0'));
  t.not(layoutEngine(spec, abi('i386')), e);
});
