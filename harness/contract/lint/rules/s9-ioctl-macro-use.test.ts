import test from 'ava';
import { array, defineSpec, ioctl, struct, u32, u64, u8 } from '../../../core/model/dsl';
import type { IoctlDecl } from '../../../core/model/model';
import { findingsOf, specOfRecords, subjects } from '../../../testing/run-lint-rule';

const inOut = struct('in_out', { request: u32.in(), result: u32.out() });
const onlyIn = struct('only_in', { a: u32.in(), pad: u32.pad() });
const onlyOut = struct('only_out', { a: u64.out() });

test('S9 checks the direction against the fields\' declared use', (t) => {
  const spec = defineSpec({
    name: 's9', version: '1.0.0', ioctls: [
      ioctl('W_WITH_OUTPUT', { dir: 'w', type: 'x', nr: 1, arg: inOut }),
      ioctl('R_WITH_INPUT', { dir: 'r', type: 'x', nr: 2, arg: inOut }),
      ioctl('RW_ONLY_IN', { dir: 'rw', type: 'x', nr: 3, arg: onlyIn }),
      ioctl('RW_ONLY_OUT', { dir: 'rw', type: 'x', nr: 4, arg: onlyOut }),
    ],
  });
  const found = findingsOf('S9', spec);
  t.deepEqual(subjects(found), ['error ioctl W_WITH_OUTPUT', 'error ioctl R_WITH_INPUT', 'warning ioctl RW_ONLY_IN', 'warning ioctl RW_ONLY_OUT']);
  t.is(found[0]?.message, '_IOW copies the argument in only, but `result` is declared output: results never reach userspace; use _IOWR');
  t.is(found[1]?.message, '_IOR copies the argument out only, but `request` is declared input: the kernel never reads what userspace wrote; use _IOWR');
  t.is(found[2]?.message, 'declared _IOWR but every field is input: _IOW says what the ioctl does');
});

test('S9 checks the size field limit per ioctl encoding family', (t) => {
  const big = struct('big', { data: array(u8, 9000) });
  const found = findingsOf('S9', defineSpec({ name: 's9', version: '1.0.0', ioctls: [ioctl('BIG', { dir: 'w', type: 'x', nr: 1, arg: big })] }));
  t.deepEqual(subjects(found), ['error ioctl BIG']);
  t.regex(found[0]?.message ?? '', /^argument size 9000 does not fit the 13-bit size field of the request on ppc64le, mips \(at most 8191\)/);
});

test('S9 rejects pointer and sizeof arguments, and _IO with an argument', (t) => {
  const arg = { kind: 'ref', tag: 'struct', name: 'plain' } as const;
  const ioctls: IoctlDecl[] = [
    { kind: 'ioctl', name: 'POINTER_ARG', type: 0x78, nr: 1, dir: 'w', arg: { kind: 'pointer', to: arg } },
    { kind: 'ioctl', name: 'SIZEOF_ARG', type: 0x78, nr: 2, dir: 'w', arg: { kind: 'scalar', name: 'unsigned long', spelled: 'size_t' } },
    { kind: 'ioctl', name: 'IO_WITH_ARG', type: 0x78, nr: 3, dir: 'none', arg },
    { kind: 'ioctl', name: 'IOW_WITHOUT_ARG', type: 0x78, nr: 4, dir: 'w' },
  ];
  const found = findingsOf('S9', specOfRecords([{ kind: 'struct', name: 'plain', members: [{ name: 'a', type: { kind: 'scalar', name: '__u32' } }] }], { ioctls }));
  t.deepEqual(subjects(found), ['error ioctl POINTER_ARG', 'error ioctl SIZEOF_ARG', 'error ioctl IO_WITH_ARG', 'error ioctl IOW_WITHOUT_ARG']);
  t.regex(found[0]?.message ?? '', /pointer `struct plain \*`: the macros take the pointed-to type/);
  t.regex(found[1]?.message ?? '', /`size_t`, as `_IOW\(type, nr, sizeof\(T\)\)` gives/);
  t.regex(found[2]?.message ?? '', /^_IO takes no argument, but `struct plain` is given/);
  t.regex(found[3]?.message ?? '', /^_IOW needs an argument type/);
});

test('S9 accepts matching directions, unannotated fields and _IO without argument', (t) => {
  const unannotated = struct('unannotated', { a: u32, b: u32 });
  const spec = defineSpec({
    name: 's9', version: '1.0.0', ioctls: [
      ioctl('RW', { dir: 'rw', type: 'x', nr: 1, arg: inOut }),
      ioctl('W', { dir: 'w', type: 'x', nr: 2, arg: onlyIn }),
      ioctl('R', { dir: 'r', type: 'x', nr: 3, arg: onlyOut }),
      ioctl('RW_UNKNOWN', { dir: 'rw', type: 'x', nr: 4, arg: unannotated }),
      ioctl('NONE', { dir: 'none', type: 'x', nr: 5 }),
    ],
  });
  t.deepEqual(findingsOf('S9', spec), []);
});
