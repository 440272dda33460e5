import test from 'ava';
import { findAbi, type Abi } from '../../../core/layout/abi';
import { cScalar, defineSpec, struct, u32, u64 } from '../../../core/model/dsl';
import { findingsOf, subjects } from '../../../testing/run-lint-rule';

test('S5 compares i386 with x86_64: size, then the first moved field', (t) => {
  const found = findingsOf('S5', defineSpec({ name: 's5', version: '1.0.0', types: [struct('moves', { a: u32, b: u64, c: u32 })] }));
  t.deepEqual(subjects(found), ['error struct moves [i386,x86_64]', 'error struct moves.b [i386,x86_64]']);
  t.regex(found[0]?.message ?? '', /^size 16 on i386 but 24 on x86_64: a 32-bit process \(i386\) on a 64-bit kernel \(x86_64\)/);
  t.is(found[1]?.message, 'offset 4 on i386 but 8 on x86_64, and 1 later field moves too');
});

test('S5 compares arm with aarch64, where long differs', (t) => {
  const found = findingsOf('S5', defineSpec({ name: 's5', version: '1.0.0', types: [struct('longs', { n: cScalar('long'), x: u32 })] }));
  t.deepEqual(subjects(found), [
    'error struct longs [i386,x86_64]', 'error struct longs.x [i386,x86_64]', 'error struct longs.n [i386,x86_64]',
    'error struct longs [arm,aarch64]', 'error struct longs.x [arm,aarch64]', 'error struct longs.n [arm,aarch64]',
  ]);
  t.is(found[5]?.message, 'size 4 on arm but 8 on aarch64');
});

test('S5 leaves the size of a named struct member to that struct\'s own finding', (t) => {
  const inner = struct('inner_s5', { a: u64, b: u32 });
  const found = findingsOf('S5', defineSpec({ name: 's5', version: '1.0.0', types: [struct('outer_s5', { i: inner })] }));
  t.deepEqual(subjects(found), ['error struct inner_s5 [i386,x86_64]', 'error struct outer_s5 [i386,x86_64]']);
});

test('S5 accepts identical layouts and needs both ABIs of a pair', (t) => {
  const same = defineSpec({ name: 's5', version: '1.0.0', types: [struct('same', { a: u64, b: u32, c: u32 })] });
  t.deepEqual(findingsOf('S5', same), []);
  const moves = defineSpec({ name: 's5', version: '1.0.0', types: [struct('moves', { a: u32, b: u64 })] });
  t.deepEqual(findingsOf('S5', moves, { abis: [findAbi('x86_64') as Abi, findAbi('arm') as Abi] }), []);
});
