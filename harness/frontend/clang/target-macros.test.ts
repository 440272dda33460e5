import test from 'ava';
import { ABIS } from '../../core/layout/abi';
import { findClang } from './find-clang';
import { abiClassKey, isTargetMacro, MACROS_BY_ABI_PROPERTY, OTHER_ARCHITECTURE } from './target-macros';

/** `#define NAME BODY` lines of `clang -dM -E` on an empty file for one triple: name → body. */
async function predefined(triple: string): Promise<Map<string, string> | undefined> {
  const found = await findClang();
  if (found.tool === undefined) return undefined;
  const run = await found.tool.run({ triple, includeDirs: [], args: ['-dM', '-E'], source: '', hostFiles: [] });
  const out = new Map<string, string>();
  for (const line of run.stdout.split('\n')) {
    const m = /^#define (\w+)(?:\([^)]*\))? ?(.*)$/.exec(line);
    if (m !== null) out.set(m[1] as string, m[2] as string);
  }
  return out;
}

test('every macro clang predefines differently across the ABIs is a target macro (builtin aliases aside)', async (t) => {
  const perAbi = await Promise.all(ABIS.map((a) => predefined(a.triple)));
  if (perAbi.some((m) => m === undefined)) {
    t.pass('no clang: nothing to compare');
    return;
  }
  const maps = perAbi as Map<string, string>[];
  const names = new Set(maps.flatMap((m) => [...m.keys()]));
  const differing = [...names].filter((n) => new Set(maps.map((m) => m.get(n) ?? '\0undefined')).size > 1);
  t.true(differing.length > 50, `clang's predefined macros differ in ${differing.length} names`);
  const builtinAlias = (n: string): boolean => maps.every((m) => m.get(n) === undefined || /^__builtin_\w+$/.test(m.get(n) as string));
  const missed = differing.filter((n) => !isTargetMacro(n) && !builtinAlias(n));
  t.deepEqual(missed, []);
});

test('target macros are told from macros that are the same everywhere', (t) => {
  for (const n of ['__x86_64__', '__i386__', '__ILP32__', '__LP64__', '__aarch64__', '__arm__', '__powerpc64__', '__s390x__', '__mips__', '__riscv', '__CHAR_UNSIGNED__', '__BYTE_ORDER__', '__BITS_PER_LONG', '__LITTLE_ENDIAN_BITFIELD', '__BIG_ENDIAN_BITFIELD', '__SIZEOF_LONG__']) {
    t.true(isTargetMacro(n), n);
  }
  for (const n of ['__KERNEL__', '__linux__', '__GNUC__', '__STDC_VERSION__', '__cplusplus', 'CONFIG_COMPAT', '__ORDER_BIG_ENDIAN__', '_UAPI_LINUX_TYPES_H', '__u32']) {
    t.false(isTargetMacro(n), n);
  }
});

test('macros said to follow from an ABI property are defined alike on ABIs that share it', async (t) => {
  const perAbi = await Promise.all(ABIS.map((a) => predefined(a.triple)));
  if (perAbi.some((m) => m === undefined)) {
    t.pass('no clang: nothing to compare');
    return;
  }
  let compared = 0;
  for (const [property, names] of Object.entries(MACROS_BY_ABI_PROPERTY)) {
    for (const name of names) {
      const byKey = new Map<string, Set<string>>();
      ABIS.forEach((a, i) => {
        const key = abiClassKey([name], a);
        const def = (perAbi[i] as Map<string, string>).get(name) ?? '\0undefined';
        byKey.set(key, (byKey.get(key) ?? new Set()).add(def));
      });
      for (const [key, defs] of byKey) {
        compared++;
        t.is(defs.size, 1, `${name} (${property}) differs among ABIs with ${key}: ${[...defs].join(' / ')}`);
      }
    }
  }
  t.true(compared > 20);
  const otherArchitectures = ['__sparc__', '__sparc_v9__', 'sparc', '__alpha__', '__hppa__', '__sh__', '__ia64__', '__loongarch64'];
  for (const name of otherArchitectures) {
    t.true(OTHER_ARCHITECTURE.test(name), name);
    t.true(perAbi.every((m) => !(m as Map<string, string>).has(name)), `${name} is defined on a supported ABI`);
  }
  const definedSomewhere = [...new Set(perAbi.flatMap((m) => [...(m as Map<string, string>).keys()]))].filter((n) => OTHER_ARCHITECTURE.test(n));
  t.deepEqual(definedSomewhere, []);
});

test('ABI class keys: long width, byte order, char signedness; architecture names separate every ABI', (t) => {
  const key = (macros: string[], name: string): string => abiClassKey(macros, ABIS.find((a) => a.name === name) as (typeof ABIS)[number]);
  t.is(key(['__BITS_PER_LONG'], 'x86_64'), key(['__BITS_PER_LONG'], 's390x'));
  t.not(key(['__BITS_PER_LONG'], 'x86_64'), key(['__BITS_PER_LONG'], 'i386'));
  t.is(key(['__LITTLE_ENDIAN_BITFIELD'], 'i386'), key(['__LITTLE_ENDIAN_BITFIELD'], 'aarch64'));
  t.not(key(['__LITTLE_ENDIAN_BITFIELD'], 'mips'), key(['__LITTLE_ENDIAN_BITFIELD'], 'arm'));
  t.not(key(['__x86_64__'], 'aarch64'), key(['__x86_64__'], 'riscv64'));
});
