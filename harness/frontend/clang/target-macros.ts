/**
 * Macros whose definition (or whether they are defined at all) depends on the compile target, so that
 * a preprocessor conditional naming one can give a header other declarations on another ABI.
 *
 * Two kinds. The kernel's own: `__BITS_PER_LONG` (asm/bitsperlong.h), the byte-order macros of
 * linux/byteorder/{little,big}_endian.h that uAPI headers test (`__LITTLE_ENDIAN_BITFIELD`,
 * `__BIG_ENDIAN`...), and glibc's spellings some headers also test. And clang's predefined ones, by
 * family: every macro `clang -dM -E` defines differently on the ABIs of layout/abi.ts matches one of
 * the patterns below, except aliases of compiler builtins (`#define __fmadd __builtin_fma` on
 * powerpc), which name functions, not configurations (target-macros.test.ts checks this on the clang
 * in use).
 */
const KERNEL_DERIVED = [
  '__BITS_PER_LONG', '__LITTLE_ENDIAN_BITFIELD', '__BIG_ENDIAN_BITFIELD', '__LITTLE_ENDIAN', '__BIG_ENDIAN',
  '__BYTE_ORDER', '_BYTE_ORDER', 'BYTE_ORDER', '__WORDSIZE',
];

const PREDEFINED_FAMILIES: readonly RegExp[] = [
  // Architecture names, as lower-case words with or without underscores around them.
  /^_*(?:x86_64|amd64|i[3-6]86|k8|pentiumpro|tune_\w+|aarch64|arm|thumb\w*|mips\w*|powerpc\w*|ppc\w*|riscv\w*|s390x?|zarch|m68k|mc68000|sparc\w*|hppa\w*|parisc\w*|alpha\w*|sh\d*|ia64|loongarch\w*|code_model_\w+|seg_[fg]s|pic|pie|bcopy)_*$/,
  // Upper-case families: architecture features, data model, byte order, type sizes and limits.
  /^_*(?:AARCH64|ARM|APCS|THUMB|VFP|MIPS|ABIO|PPC|POWER|ARCH_|ALTIVEC|VSX|VEC|CRYPTO|HTM|SSE|MMX|FXSR|LAHF|AVX|FLOAT128|LONG_?DOUBLE|NATURAL_ALIGNMENT|STRUCT_PARM|REGISTER_PREFIX|CALL_|ILP32|LP64|LITTLE_ENDIAN|BIG_ENDIAN|BYTE_ORDER|CHAR_UNSIGNED|WCHAR_|BIGGEST_ALIGNMENT|NO_MATH_INLINES|HAVE_BSWAP|GCC_|CLANG_ATOMIC|SIZEOF_|PIC|PIE|FLT16_|LDBL_|FLT_EVAL|ARCH__|SIZE_|PTRDIFF_|U?INTPTR_|U?INTMAX_|U?INT64_|U?INT_FAST64_|U?INT_LEAST64_|LONG_MAX|LONG_WIDTH|POINTER_WIDTH|SEG_)\w*$/,
  // Bare names some targets define.
  /^(?:i386|mips|mc68000)$/,
];

const KERNEL = new Set(KERNEL_DERIVED);

/** Whether a macro name may be defined differently (or only) on some of the supported targets. */
export function isTargetMacro(name: string): boolean {
  return KERNEL.has(name) || PREDEFINED_FAMILIES.some((p) => p.test(name));
}

/**
 * Target macros whose definition on an ABI follows from one property of the ABI table (layout/abi.ts):
 * the width of `long` (and of pointers and size_t, the same on every supported ABI), the byte order,
 * the signedness of `char`. target-macros.test.ts checks the predefined ones against clang.
 */
export const MACROS_BY_ABI_PROPERTY: Readonly<Record<'long' | 'endian' | 'char', ReadonlySet<string>>> = {
  long: new Set(['__BITS_PER_LONG', '__WORDSIZE', '__SIZEOF_LONG__', '__SIZEOF_POINTER__', '__SIZEOF_SIZE_T__', '__SIZEOF_PTRDIFF_T__', '__LP64__', '_LP64', '__LONG_MAX__', '__LONG_WIDTH__', '__POINTER_WIDTH__']),
  endian: new Set(['__LITTLE_ENDIAN_BITFIELD', '__BIG_ENDIAN_BITFIELD', '__LITTLE_ENDIAN', '__BIG_ENDIAN', '__BYTE_ORDER', '_BYTE_ORDER', 'BYTE_ORDER', '__BYTE_ORDER__']),
  char: new Set(['__CHAR_UNSIGNED__']),
};

/**
 * Names of architectures none of the supported ABIs is (layout/abi.ts): undefined on all of them, so
 * a conditional naming one preprocesses alike on all of them (target-macros.test.ts checks it).
 */
export const OTHER_ARCHITECTURE = /^_*(?:sparc\w*|hppa\w*|parisc\w*|alpha\w*|sh\d*|ia64|loongarch\w*)_*$/;

/**
 * A key that two ABIs share when every macro of `macros` is defined alike on both, so that a header
 * whose conditionals name only these preprocesses alike on both. A macro outside
 * {@link MACROS_BY_ABI_PROPERTY} (an architecture name) gives every ABI its own key.
 */
export function abiClassKey(macros: Iterable<string>, abi: { readonly name: string; readonly longBytes: number; readonly endian: string; readonly charSigned: boolean }): string {
  const parts = new Set<string>();
  for (const m of macros) {
    if (OTHER_ARCHITECTURE.test(m)) continue;
    if (MACROS_BY_ABI_PROPERTY.long.has(m)) parts.add(`long=${abi.longBytes}`);
    else if (MACROS_BY_ABI_PROPERTY.endian.has(m)) parts.add(`endian=${abi.endian}`);
    else if (MACROS_BY_ABI_PROPERTY.char.has(m)) parts.add(`char=${abi.charSigned ? 'signed' : 'unsigned'}`);
    else return abi.name;
  }
  return [...parts].sort().join(',');
}
