import test from 'ava';
import { defineSpec, struct, u32, u64 } from '../../../core/model/dsl';
import { findingsOf, subjects } from '../../../testing/run-lint-rule';

test('S3 flags a struct with a 64-bit member whose size is not a multiple of 8 (i386)', (t) => {
  const found = findingsOf('S3', defineSpec({ name: 's3', version: '1.0.0', types: [struct('short_tail', { a: u64, b: u32 })] }));
  t.deepEqual(subjects(found), ['error struct short_tail [i386]']);
  t.is(found[0]?.message, 'size 12 is not a multiple of 8 although it holds 64-bit `a`: ABIs that align 64-bit members to 8 make it 16, so the ioctl size, request number and array stride differ between ABIs; add 4 bytes of explicit padding at the end');
});

test('S3 sees 64-bit members of nested structs', (t) => {
  const inner = struct('inner64', { v: u64 });
  const found = findingsOf('S3', defineSpec({ name: 's3', version: '1.0.0', types: [struct('holder', { i: inner, n: u32 })] }));
  t.deepEqual(subjects(found), ['error struct holder [i386]']);
  t.regex(found[0]?.message ?? '', /holds 64-bit `i\.v`/);
});

test('S3 accepts padded structs and structs without 64-bit members', (t) => {
  const padded = struct('padded', { a: u64, b: u32, pad: u32.pad() });
  const narrow = struct('narrow', { a: u32, b: u32, c: u32 });
  t.deepEqual(findingsOf('S3', defineSpec({ name: 's3', version: '1.0.0', types: [padded, narrow] })), []);
});
