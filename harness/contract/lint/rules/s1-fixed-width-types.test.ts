import test from 'ava';
import { alignedU64, array, be32, cScalar, defineSpec, ioctl, le16, s8, struct, u16, u32, u64, u8 } from '../../../core/model/dsl';
import { findingsOf, specOfRecords, subjects } from '../../../testing/run-lint-rule';

test('S1 flags C scalars in members and ioctl arguments, with the reason per type', (t) => {
  const bad = struct('s1_bad', {
    a: cScalar('int'),
    b: cScalar('unsigned long'),
    c: array(cScalar('char'), 8),
    d: cScalar('_Bool'),
    e: cScalar('double'),
  });
  const spec = defineSpec({ name: 's1', version: '1.0.0', types: [bad], ioctls: [ioctl('S1_IOCTL', { dir: 'w', type: 'x', nr: 1, arg: cScalar('int') })] });
  const found = findingsOf('S1', spec);
  t.deepEqual(subjects(found), ['error struct s1_bad.a', 'error struct s1_bad.b', 'error struct s1_bad.c', 'error struct s1_bad.d', 'error struct s1_bad.e', 'error ioctl S1_IOCTL']);
  t.regex(found[0]?.message ?? '', /^`int` is not a fixed-width kernel type: C only sets a minimum width for `int`; use `__s32`$/);
  t.regex(found[1]?.message ?? '', /4 bytes on 32-bit ABIs and 8 on 64-bit ones.*use `__u64`/);
  t.regex(found[2]?.message ?? '', /signed on x86_64, i386, mips, m68k and unsigned on aarch64, arm, riscv64, ppc64le, s390x/);
  t.regex(found[3]?.message ?? '', /size of `bool` is up to the compiler/);
  t.regex(found[4]?.message ?? '', /does not use floating point/);
  t.regex(found[5]?.message ?? '', /^argument `int` is not a fixed-width kernel type/);
});

test('S1 names the typedef a header spelled, and rejects kernel-internal and <stdint.h> names', (t) => {
  const spec = specOfRecords([{
    kind: 'struct', name: 'typedefs', members: [
      { name: 'len', type: { kind: 'scalar', name: 'unsigned long', spelled: 'size_t' } },
      { name: 'count', type: { kind: 'scalar', name: 'unsigned int', spelled: 'uint32_t' } },
      { name: 'handle', type: { kind: 'scalar', name: '__u32', spelled: 'u32' } },
      { name: 'fine', type: { kind: 'scalar', name: '__u64', spelled: '__kernel_u64' } },
    ],
  }]);
  const found = findingsOf('S1', spec);
  t.deepEqual(found.map((f) => f.subject), ['struct typedefs.len', 'struct typedefs.count', 'struct typedefs.handle']);
  t.regex(found[0]?.message ?? '', /^`size_t` \(`unsigned long`\) is not a fixed-width kernel type/);
  t.regex(found[1]?.message ?? '', /<stdint\.h> types are not available.*use `__u32`/);
  t.regex(found[2]?.message ?? '', /kernel-internal name.*use `__u32`/);
});

test('S1 accepts every fixed-width kernel type', (t) => {
  const good = struct('s1_good', { a: u8, b: s8, c: u16, d: le16, e: u32, f: be32, g: u64, h: alignedU64, i: array(u8, 4) });
  t.deepEqual(findingsOf('S1', defineSpec({ name: 's1', version: '1.0.0', types: [good] })), []);
});
