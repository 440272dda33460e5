import test from 'ava';
import { alignedU64, defineSpec, s64, struct, u32, u64 } from '../../../core/model/dsl';
import { findingsOf, specOfRecords, subjects } from '../../../testing/run-lint-rule';

test('S4 flags C pointer members with their size per ABI', (t) => {
  const spec = specOfRecords([{
    kind: 'struct', name: 'with_pointer', members: [{ name: 'buf', type: { kind: 'pointer', to: { kind: 'scalar', name: '__u8' } } }],
  }]);
  const found = findingsOf('S4', spec);
  t.deepEqual(subjects(found), ['error struct with_pointer.buf']);
  t.is(found[0]?.message, '`__u8 *` is a C pointer (4 bytes on i386, arm, mips and 8 bytes on x86_64, aarch64, riscv64, ppc64le, s390x): a 32-bit process on a 64-bit kernel would need a compat handler; carry the address in a `__u64` (userspace casts through `uintptr_t`)');
});

test('S4 wants user-pointer fields unsigned 64-bit, and warns on narrow fields named as pointers', (t) => {
  const bad = struct('bad_pointers', { signed_ptr: s64.userPointer(), data_ptr: u32, pad: u32.pad() });
  const found = findingsOf('S4', defineSpec({ name: 's4', version: '1.0.0', types: [bad] }));
  t.deepEqual(subjects(found), ['error struct bad_pointers.signed_ptr', 'warning struct bad_pointers.data_ptr']);
  t.regex(found[0]?.message ?? '', /declared as `__s64`: use `__u64` or `__aligned_u64`/);
  t.regex(found[1]?.message ?? '', /narrower than 64 bits/);
});

test('S4 accepts __u64 and __aligned_u64 user pointers', (t) => {
  const good = struct('good_pointers', { a_ptr: u64.userPointer({ lengthField: 'len' }), b: alignedU64.userPointer(), len: u32, pad: u32.pad() });
  t.deepEqual(findingsOf('S4', defineSpec({ name: 's4', version: '1.0.0', types: [good] })), []);
});
