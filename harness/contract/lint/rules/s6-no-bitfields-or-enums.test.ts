import test from 'ava';
import { defineSpec, enumeration, field, ioctl, struct, u32 } from '../../../core/model/dsl';
import { findingsOf, subjects } from '../../../testing/run-lint-rule';

const mode = enumeration('s6_mode', { S6_OFF: 0, S6_ON: 1 });

test('S6 flags bit-fields and enum-typed members and arguments', (t) => {
  const bad = struct('s6_bad', { flags: u32.bits(4), rest: u32.bits(28), m: mode });
  const spec = defineSpec({ name: 's6', version: '1.0.0', types: [bad], ioctls: [ioctl('S6_SET', { dir: 'w', type: 'x', nr: 1, arg: field(mode) })] });
  const found = findingsOf('S6', spec);
  t.deepEqual(subjects(found), ['error struct s6_bad.flags', 'error struct s6_bad.rest', 'error struct s6_bad.m', 'error ioctl S6_SET']);
  t.regex(found[0]?.message ?? '', /^bit-field of width 4: bit order and packing differ/);
  t.regex(found[2]?.message ?? '', /^has type `enum s6_mode`: an enum's size is `int`/);
  t.regex(found[3]?.message ?? '', /^argument has type `enum s6_mode`/);
});

test('S6 accepts a __u32 that names its enum with oneOf', (t) => {
  const good = struct('s6_good', { m: u32.oneOf('s6_mode'), flags: u32 });
  t.deepEqual(findingsOf('S6', defineSpec({ name: 's6', version: '1.0.0', types: [good, mode] })), []);
});
