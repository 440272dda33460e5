/**
 * Macros some uAPI headers use although only the kernel defines them (linux/bits.h, linux/sizes.h,
 * linux/limits.h): `BIT(0)`, `SZ_1M`, `U16_MAX`. A userspace program that uses such a constant does
 * not compile. Probes define them after including the header, each only if the header did not, so
 * clang can still give the value the kernel sees; the importer reports every constant that needed
 * one. They are expanded only where a probe uses a macro, so the header's own declarations are not
 * affected.
 */
const DEFINITIONS: readonly [string, string][] = [
  ['BIT(nr)', '(1UL << (nr))'],
  ['BIT_ULL(nr)', '(1ULL << (nr))'],
  ['GENMASK(h, l)', '(((~0UL) - (1UL << (l)) + 1) & (~0UL >> (__CHAR_BIT__ * __SIZEOF_LONG__ - 1 - (h))))'],
  ['GENMASK_ULL(h, l)', '(((~0ULL) - (1ULL << (l)) + 1) & (~0ULL >> (64 - 1 - (h))))'],
  ['U8_MAX', '((__u8)~0U)'], ['S8_MAX', '((__s8)(U8_MAX >> 1))'],
  ['U16_MAX', '((__u16)~0U)'], ['S16_MAX', '((__s16)(U16_MAX >> 1))'],
  ['U32_MAX', '((__u32)~0U)'], ['S32_MAX', '((__s32)(U32_MAX >> 1))'],
  ['U64_MAX', '((__u64)~0ULL)'], ['S64_MAX', '((__s64)(U64_MAX >> 1))'],
  ...[1, 2, 4, 8, 16, 32, 64, 128, 256, 512].map((k): [string, string] => [`SZ_${k}`, `0x${k.toString(16)}`]),
  ...[1, 2, 4, 8, 16, 32, 64, 128, 256, 512].map((k): [string, string] => [`SZ_${k}K`, `0x${(k * 1024).toString(16)}`]),
  ...[1, 2, 4, 8, 16, 32, 64, 128, 256, 512].map((k): [string, string] => [`SZ_${k}M`, `0x${(k * 1024 * 1024).toString(16)}`]),
  ['SZ_1G', '0x40000000'], ['SZ_2G', '0x80000000'], ['SZ_4G', '0x100000000ULL'],
];

/** The names the fallbacks define (`BIT`, `SZ_1M`, ...). */
export const KERNEL_INTERNAL_MACRO_NAMES: readonly string[] = DEFINITIONS.map(([head]) => head.replace(/\(.*$/, ''));

/** Text that mentions one of those names as a word: only then can a fallback change what a macro means. */
export const MENTIONS_KERNEL_INTERNAL_MACRO = new RegExp(`\\b(?:${KERNEL_INTERNAL_MACRO_NAMES.join('|')})\\b`);

/**
 * The fallback definitions as probe text, one `#ifndef`/`#define`/`#endif` each, after <linux/ioctl.h>
 * when the header defines no `_IOC` (misc/fastrpc.h uses `_IOWR` and includes only linux/types.h: a
 * program includes <linux/ioctl.h> first, and the import says so, see import-probe.ts NO_IOC_NAME).
 */
export function kernelInternalFallbacks(): string {
  return [
    '#if !defined(_IOC) && defined(__has_include)\n#if __has_include(<linux/ioctl.h>)\n#include <linux/ioctl.h>\n#endif\n#endif',
    ...DEFINITIONS.map(([head, body]) => {
      const name = head.replace(/\(.*$/, '');
      return `#ifndef ${name}\n#define ${head} ${body}\n#endif`;
    }),
  ].join('\n');
}
