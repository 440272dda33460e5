import test from 'ava';
import { anonymous, defineSpec, struct, u16, u32, u64, u8, union } from '../../../core/model/dsl';
import { findingsOf, subjects } from '../../../testing/run-lint-rule';

const ALL_BUT_I386 = 'x86_64,aarch64,arm,riscv64,ppc64le,s390x,mips';

test('S2 reports holes and tail padding on every ABI, with the pad field to declare', (t) => {
  const spec = defineSpec({ name: 's2', version: '1.0.0', types: [struct('holes', { a: u8, b: u32, c: u16 })] });
  const found = findingsOf('S2', spec);
  t.deepEqual(subjects(found), ['error struct holes.b', 'error struct holes']);
  t.regex(found[0]?.message ?? '', /^3-byte hole before it \(offset 1\): .*declare `__u8 pad\[3\]`$/);
  t.regex(found[1]?.message ?? '', /^2-byte tail padding \(offset 10, size 12\): .*declare `__u16 pad` at the end$/);
});

test('S2 says which ABIs: a hole on most, a misaligned __u64 on i386', (t) => {
  const spec = defineSpec({ name: 's2', version: '1.0.0', types: [struct('mixed', { a: u32, b: u64 })] });
  const found = findingsOf('S2', spec);
  t.deepEqual(subjects(found), [`error struct mixed.b [${ALL_BUT_I386}]`, 'error struct mixed.b [i386]']);
  t.regex(found[0]?.message ?? '', /^4-byte hole before it \(offset 4\)/);
  t.regex(found[1]?.message ?? '', /^at offset 4, not a multiple of its natural alignment 8/);
});

test('S2 checks packed structs and inline records at their own level', (t) => {
  const packed = struct('packed_one', { a: u8, b: u32 }, { packed: true });
  const nested = struct('outer', { x: u32, pad0: u32.pad(), inner: anonymous(union({ p: u8, q: u64 })), named: struct({ m: u8, n: u16 }) });
  const found = findingsOf('S2', defineSpec({ name: 's2', version: '1.0.0', types: [packed, nested] }));
  t.deepEqual(subjects(found), ['error struct packed_one.b', `error struct outer [${ALL_BUT_I386}]`, 'error struct outer.named.n']);
  t.regex(found[0]?.message ?? '', /at offset 1, not a multiple of its natural alignment 4/);
  t.regex(found[1]?.message ?? '', /^4-byte tail padding \(offset 20, size 24\)/);
  t.regex(found[2]?.message ?? '', /^1-byte hole before it \(offset 1\)/);
});

test('S2 accepts explicit padding and naturally aligned members', (t) => {
  const good = struct('good', { a: u8, pad0: u8.pad(), b: u16, c: u32, d: u64, e: u16, pad1: u16.pad(), f: u32 });
  const u = union('good_union', { a: u64, b: u32 });
  t.deepEqual(findingsOf('S2', defineSpec({ name: 's2', version: '1.0.0', types: [good, u] })), []);
});
