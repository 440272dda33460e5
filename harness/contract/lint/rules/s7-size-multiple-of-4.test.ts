import test from 'ava';
import { defineSpec, struct, u16, u32, u64, u8 } from '../../../core/model/dsl';
import { findingsOf, subjects } from '../../../testing/run-lint-rule';

test('S7 warns below a multiple of 4 and notes a multiple of 4 that is not one of 8', (t) => {
  const spec = defineSpec({ name: 's7', version: '1.0.0', types: [struct('tiny', { a: u16, b: u8, c: u8, d: u16 }), struct('twelve', { a: u32, b: u32, c: u32 })] });
  const found = findingsOf('S7', spec);
  t.deepEqual(subjects(found), ['warning struct tiny', 'info struct twelve']);
  t.regex(found[0]?.message ?? '', /^size 6 is not a multiple of 4: .*pad it to 8$/);
  t.regex(found[1]?.message ?? '', /^size 12 is a multiple of 4 but not of 8: padding it to 16/);
});

test('S7 leaves structs with 64-bit members to S3 and accepts multiples of 8', (t) => {
  const spec = defineSpec({ name: 's7', version: '1.0.0', types: [struct('s3_case', { a: u64, b: u32 }), struct('eight', { a: u32, b: u32 })] });
  t.deepEqual(findingsOf('S7', spec), []);
});
