import test from 'ava';
import { typedefDependence, type DependenceContext } from './value-dependence';

const SYSTEM = '/usr/include';
const MULTIARCH = '/usr/include/x86_64-linux-gnu';
const TREE = '/tree/usr/include';

/** Typedefs as clang gives them on x86_64, each with the file that defines it. */
const TYPEDEFS: Record<string, { underlying: string; file: string }> = {
  int32_t: { underlying: '__int32_t', file: `${MULTIARCH}/bits/stdint-intn.h` },
  uint8_t: { underlying: '__uint8_t', file: `${MULTIARCH}/bits/stdint-uintn.h` },
  uint64_t: { underlying: '__uint64_t', file: `${MULTIARCH}/bits/stdint-uintn.h` },
  __uint64_t: { underlying: 'unsigned long', file: `${MULTIARCH}/bits/types.h` },
  wchar_t: { underlying: 'int', file: '/usr/lib/clang/include/stddef.h' },
  __kernel_time64_t: { underlying: 'long long', file: `${TREE}/asm-generic/posix_types.h` },
  // A tree that defines the name itself: not the C library's type, nothing known about it.
  uint16_t: { underlying: 'unsigned long', file: `${TREE}/asm-generic/odd_types.h` },
};

const ctx: DependenceContext = {
  setup: { searchDirs: [TREE, MULTIARCH, SYSTEM], resourceIncludeDir: '/usr/lib/clang/include' },
  macro: () => [],
  typedef: (name) => TYPEDEFS[name],
  enumerator: () => undefined,
  sizes: () => undefined,
};

test('the C library\'s exact-width types up to 32 bits are the same on every ABI; 64-bit ones follow the word, other libc, compiler and asm/ types every ABI apart', (t) => {
  t.is(typedefDependence('int32_t', ctx), undefined);
  t.is(typedefDependence('uint8_t', ctx), undefined);
  t.is(typedefDependence('uint64_t', ctx), 'word');
  t.is(typedefDependence('wchar_t', ctx), 'abi');
  t.is(typedefDependence('__kernel_time64_t', ctx), 'abi');
  t.is(typedefDependence('uint16_t', ctx), 'abi');
});
