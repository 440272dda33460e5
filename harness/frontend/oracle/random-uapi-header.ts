import fc from 'fast-check';

/**
 * Random uAPI-style headers for the oracle property test: structs and unions with named and
 * anonymous nested records, arrays, every kernel scalar and the C scalars lint flags, pointers,
 * enum-typed members, packed/aligned attributes, bit-fields (unnamed and zero-width ones too),
 * flexible array members (at the end of a struct, and in unions and structs the way the kernel's
 * `__DECLARE_FLEX_ARRAY` wraps them), zero-length arrays anywhere, empty structs and unions, enums
 * (packed, negative, 64-bit values, implicit values), integer constants, and ioctls through `_IO*`
 * and a DRM-style wrapper. And what gives values that differ per target: `<stdint.h>` types, typedefs
 * whose `aligned(N)` lowers or raises the alignment, array bounds and macros computed with
 * `sizeof(long)` and `sizeof(void *)`, enumerators whose values are `_IO*` requests. The arbitrary
 * describes the header as data; `renderHeader` writes valid C from it (references only to earlier
 * types, sizes bounded).
 */
const SCALARS = [
  '__u8', '__s8', '__u16', '__s16', '__u32', '__s32', '__u64', '__s64', '__aligned_u64', '__aligned_s64',
  '__le16', '__le32', '__le64', '__be16', '__be32', '__be64', '__aligned_le64', '__aligned_be64',
  'char', 'signed char', 'unsigned char', 'short', 'unsigned short', 'int', 'unsigned int', 'long', 'unsigned long',
  'long long', 'unsigned long long', '_Bool', 'float', 'double',
  // <stdint.h>, and the typedefs renderHeader declares with aligned(N) lowering or raising the alignment.
  'uint8_t', 'int16_t', 'uint32_t', 'int64_t', 'uint64_t', 'rt_ulong_a4', 'rt_u64_a2', 'rt_u32_a8',
] as const;

/** Typedefs whose `aligned(N)` lowers or raises the alignment (GCC and clang honour both on typedefs). */
const ALIGNED_TYPEDEFS = [
  'typedef unsigned long rt_ulong_a4 __attribute__((aligned(4)));',
  'typedef __u64 rt_u64_a2 __attribute__((aligned(2)));',
  'typedef __u32 rt_u32_a8 __attribute__((aligned(8)));',
];

/** C has no arrays of a type aligned beyond its size (clang: "alignment of array elements is greater than element size"). */
const OVER_ALIGNED = 'rt_u32_a8';
const arrayElement = (t: TypeGen): TypeGen => (t.t === 'scalar' && t.name === OVER_ALIGNED ? { t: 'scalar', name: '__u32' } : t);

/** Array bounds whose value depends on the width of `long` and pointers. */
const WORD_BOUNDS = ['RT_WORDS', '(sizeof(void *) / 2)', '(32 / (8 * sizeof(unsigned long)))'] as const;

/** Macro values that depend on the width of `long` and pointers (as drm/panthor_drm.h's MMIO offset does). */
const WORD_VALUES = ['(sizeof(long) * 3)', '(1ULL << (56 - 6 * sizeof(unsigned long)))', '(~0UL)', '(sizeof(void *) << 4)', '(-1L)'] as const;
const BIT_BASES: readonly [string, number][] = [
  ['__u8', 8], ['__s8', 8], ['__u16', 16], ['__u32', 32], ['__s32', 32], ['__u64', 64], ['int', 32], ['unsigned int', 32],
  ['unsigned char', 8], ['short', 16], ['long long', 64], ['unsigned long', 32], ['_Bool', 1],
];

type TypeGen =
  | { readonly t: 'scalar'; readonly name: string }
  | { readonly t: 'pointer' }
  | { readonly t: 'array'; readonly element: TypeGen; readonly length: number }
  /** An array whose bound is one of {@link WORD_BOUNDS}. */
  | { readonly t: 'wordArray'; readonly element: TypeGen; readonly bound: number }
  | { readonly t: 'ref'; readonly index: number }
  | { readonly t: 'enum'; readonly index: number }
  | { readonly t: 'inline'; readonly record: RecordGen; readonly anonymous: boolean };

type MemberGen =
  | { readonly m: 'field'; readonly type: TypeGen; readonly aligned: number | null }
  | { readonly m: 'bits'; readonly base: number; readonly width: number; readonly named: boolean }
  /** A named member of an empty struct or union type (GNU C: size 0, alignment 1). */
  | { readonly m: 'empty'; readonly union: boolean }
  /** `__DECLARE_FLEX_ARRAY(T, x)` as <linux/stddef.h> expands it for C. */
  | { readonly m: 'declareFlex'; readonly element: string };

interface RecordGen {
  readonly union: boolean;
  readonly members: readonly MemberGen[];
  readonly packed: boolean;
  readonly aligned: number | null;
}

interface EnumGen {
  readonly values: readonly (bigint | null)[];
  readonly packed: boolean;
}

interface IoctlGen {
  readonly dir: 0 | 1 | 2 | 3;
  readonly nr: number;
  readonly arg: number | string;
  readonly wrapper: boolean;
}

export interface UapiHeaderGen {
  /** `flexible`: ends in `__u8 x[]`; `empty`: declared with no members at all. */
  readonly records: readonly (RecordGen & { readonly flexible: boolean; readonly empty: boolean })[];
  readonly enums: readonly EnumGen[];
  readonly constants: readonly bigint[];
  readonly ioctls: readonly IoctlGen[];
  /** Macros with one of {@link WORD_VALUES}, by index. */
  readonly wordConstants: readonly number[];
  /** Enumerators whose values are ioctl requests (`_IOR(...)` in an enum, as drm/xe_drm.h has them). */
  readonly enumIoctls: readonly IoctlGen[];
  /**
   * Whether the header has the constructs whose values differ per target (stdint types, aligned
   * typedefs, word-sized bounds and macros, enumerator ioctls); without them each is written as a
   * fixed-width equivalent. One header in four: such a header is imported once per class of ABIs.
   */
  readonly targetValues: boolean;
}

/** What a target-dependent scalar is written as in a header without {@link UapiHeaderGen.targetValues}. */
const FIXED_STAND_IN: Readonly<Record<string, string>> = {
  uint8_t: '__u8', int16_t: '__s16', uint32_t: '__u32', int64_t: '__s64', uint64_t: '__u64', rt_ulong_a4: 'unsigned long', rt_u64_a2: '__u64', rt_u32_a8: '__u32',
};

const alignArb = fc.option(fc.constantFrom(1, 2, 4, 8, 16), { nil: null, freq: 6 });

const typeArb = (depth: number): fc.Arbitrary<TypeGen> => {
  const leaf: fc.Arbitrary<TypeGen>[] = [
    fc.constantFrom(...SCALARS).map((name): TypeGen => ({ t: 'scalar', name })),
    fc.constant<TypeGen>({ t: 'pointer' }),
    fc.nat(1000).map((index): TypeGen => ({ t: 'ref', index })),
    fc.nat(1000).map((index): TypeGen => ({ t: 'enum', index })),
  ];
  // Length 0 is GNU C's zero-length array, valid anywhere.
  const arrays = fc.oneof(
    { weight: 4, arbitrary: fc.record({ element: fc.oneof(...leaf), length: fc.integer({ min: 0, max: 5 }) }).map(({ element, length }): TypeGen => ({ t: 'array', element, length })) },
    { weight: 1, arbitrary: fc.record({ element: fc.oneof(...leaf), bound: fc.nat(WORD_BOUNDS.length - 1) }).map(({ element, bound }): TypeGen => ({ t: 'wordArray', element, bound })) },
  );
  if (depth <= 0) return fc.oneof({ weight: 6, arbitrary: leaf[0] as fc.Arbitrary<TypeGen> }, ...leaf.slice(1), arrays);
  const inline = fc.record({ record: recordArb(depth - 1), anonymous: fc.boolean() }).map(({ record, anonymous }): TypeGen => ({ t: 'inline', record, anonymous }));
  return fc.oneof({ weight: 8, arbitrary: leaf[0] as fc.Arbitrary<TypeGen> }, ...leaf.slice(1), arrays, { weight: 2, arbitrary: inline });
};

const memberArb = (depth: number): fc.Arbitrary<MemberGen> => fc.oneof(
  { weight: 5, arbitrary: fc.record({ type: typeArb(depth), aligned: alignArb }).map((f): MemberGen => ({ m: 'field', ...f })) },
  { weight: 1, arbitrary: fc.record({ base: fc.nat(BIT_BASES.length - 1), width: fc.nat(64), named: fc.boolean() }).map((b): MemberGen => ({ m: 'bits', ...b })) },
  { weight: 1, arbitrary: fc.boolean().map((union): MemberGen => ({ m: 'empty', union })) },
  { weight: 1, arbitrary: fc.constantFrom(...SCALARS).map((element): MemberGen => ({ m: 'declareFlex', element })) },
);

function recordArb(depth: number): fc.Arbitrary<RecordGen> {
  return fc.record({
    union: fc.boolean(),
    members: fc.array(memberArb(depth), { minLength: 1, maxLength: 6 }),
    packed: fc.boolean(),
    aligned: alignArb,
  }, { noNullPrototype: true }).map((r) => ({ ...r, packed: r.packed && r.members.length % 3 === 0 }));
}

const enumValue = fc.oneof(
  { weight: 6, arbitrary: fc.option(fc.bigInt(-5n, 300n), { nil: null }) },
  { weight: 1, arbitrary: fc.bigInt(-(2n ** 31n), 2n ** 32n - 1n) },
  { weight: 1, arbitrary: fc.bigInt(-(2n ** 40n), 2n ** 62n) },
);

const ioctlArb = fc.record({ dir: fc.constantFrom<0 | 1 | 2 | 3>(0, 1, 2, 3), nr: fc.nat(255), arg: fc.oneof(fc.nat(1000), fc.constantFrom('__u32', '__u64', '__aligned_u64', 'int', 'uint64_t', 'rt_ulong_a4')), wrapper: fc.boolean() });

export function uapiHeaderArb(options: { minRecords?: number; maxRecords?: number } = {}): fc.Arbitrary<UapiHeaderGen> {
  return fc.record({
    records: fc.array(
      fc.record({ r: recordArb(2), flexible: fc.boolean(), empty: fc.nat(15) })
        .map(({ r, flexible, empty }) => ({ ...r, flexible: flexible && !r.union && empty !== 0, empty: empty === 0 })),
      { minLength: options.minRecords ?? 30, maxLength: options.maxRecords ?? 60 },
    ),
    enums: fc.array(fc.record({ values: fc.array(enumValue, { minLength: 1, maxLength: 5 }), packed: fc.boolean() }), { minLength: 1, maxLength: 6 }),
    constants: fc.array(fc.bigInt(-(2n ** 63n), 2n ** 64n - 1n), { maxLength: 10 }),
    ioctls: fc.array(ioctlArb, { maxLength: 12 }),
    wordConstants: fc.array(fc.nat(WORD_VALUES.length - 1), { maxLength: 4 }),
    enumIoctls: fc.array(ioctlArb, { maxLength: 4 }),
    targetValues: fc.nat(3).map((n) => n === 0),
  });
}

/** How many types (structs, unions, enums) a generated header declares at top level. */
export function typeCount(h: UapiHeaderGen): number {
  return h.records.length + h.enums.length;
}

const literal = (v: bigint): string => {
  if (v >= -(2n ** 31n) && v < 2n ** 31n) return `(${v})`;
  if (v >= 0n) return `0x${v.toString(16)}ULL`;
  return v === -(2n ** 63n) ? '(-0x7fffffffffffffffLL - 1)' : `(${v}LL)`;
};

/** Writes the header. Sizes are kept small (ioctl sizes fit every encoding) by a rough budget. */
export function renderHeader(h: UapiHeaderGen): string {
  const lines = [
    '/* generated by the uapi-harness oracle property test */', '#include <linux/types.h>', '#include <linux/ioctl.h>', '#include <stdint.h>', '',
    ...ALIGNED_TYPEDEFS, '#define RT_WORDS (16 / sizeof(unsigned long))', '',
    // As <linux/stddef.h> defines __DECLARE_FLEX_ARRAY for C: both structs get the position of the use.
    '#define RT_FLEX(TYPE, NAME) struct { struct { } __empty_ ## NAME; TYPE NAME[]; }', '',
  ];
  const budget = new Array<number>(h.records.length).fill(0);
  h.enums.forEach((e, i) => {
    let next = 0n;
    const body = e.values.map((v, j) => {
      const value = v ?? next;
      next = value + 1n;
      return v === null ? `\tRE${i}_${j},` : `\tRE${i}_${j} = ${literal(value)},`;
    });
    lines.push(`enum re${i} {`, ...body, `}${e.packed ? ' __attribute__((packed))' : ''};`, '');
  });
  let memberNo = 0;
  const estimate = (t: TypeGen, i: number): number => {
    switch (t.t) {
      case 'scalar': case 'pointer': case 'enum': return 16;
      case 'array': return t.length * estimate(t.element, i);
      case 'wordArray': return 4 * estimate(t.element, i);
      case 'ref': return i > 0 && !(h.records[t.index % i]?.flexible ?? true) ? (budget[t.index % i] as number) : 16;
      case 'inline': return t.record.members.reduce((n, m) => n + memberEstimate(m, i), 16);
    }
  };
  const memberEstimate = (m: MemberGen, i: number): number => (m.m === 'field' ? estimate(m.type, i) : 16);
  const scalar = (name: string): string => (h.targetValues ? name : FIXED_STAND_IN[name] ?? name);
  const typeText = (t: TypeGen, i: number, indent: string, after: string): string => {
    switch (t.t) {
      case 'scalar': return `${scalar(t.name)} ${after}`;
      case 'pointer': return `void *${after}`;
      case 'enum': return `enum re${t.index % h.enums.length} ${after}`;
      case 'ref': {
        const target = i > 0 ? h.records[t.index % i] : undefined;
        if (target === undefined || target.flexible) return `__u32 ${after}`;
        return `${target.union ? 'union' : 'struct'} rt${t.index % i} ${after}`;
      }
      case 'array': {
        const dims = `[${t.length}]`;
        return typeText(arrayElement(t.element), i, indent, `${after}${dims}`);
      }
      case 'wordArray': return typeText(arrayElement(t.element), i, indent, `${after}[${h.targetValues ? WORD_BOUNDS[t.bound % WORD_BOUNDS.length] as string : '2'}]`);
      case 'inline': return `${recordText(t.record, i, indent, false)} ${after}`;
    }
  };
  const recordText = (r: RecordGen, i: number, indent: string, flexible: boolean, name?: string, empty = false): string => {
    const inner = `${indent}\t`;
    const body: string[] = [];
    let named = 0;
    for (const m of empty ? [] : r.members) {
      if (m.m === 'empty') {
        body.push(`${inner}${m.union ? 'union' : 'struct'} { } m${memberNo++};`);
        named++;
        continue;
      }
      if (m.m === 'declareFlex') {
        const n = memberNo++;
        body.push(`${inner}RT_FLEX(${m.element === OVER_ALIGNED ? '__u32' : scalar(m.element)}, m${n});`);
        named++;
        continue;
      }
      if (m.m === 'bits') {
        const [base, width] = BIT_BASES[m.base % BIT_BASES.length] as [string, number];
        const w = m.width % (width + 1);
        if (w > 0 && m.named) {
          body.push(`${inner}${base} m${memberNo++} : ${w};`);
          named++;
        } else body.push(`${inner}${base} : ${w};`);
        continue;
      }
      let type = m.type;
      if (estimate(type, i) > 600) type = { t: 'scalar', name: '__u32' };
      const aligned = m.aligned !== null ? ` __attribute__((aligned(${m.aligned})))` : '';
      if (type.t === 'inline' && type.anonymous) {
        body.push(`${inner}${recordText(type.record, i, inner, false)}${aligned};`);
        named++;
        continue;
      }
      body.push(`${inner}${typeText(type, i, inner, `m${memberNo++}`)}${aligned};`);
      named++;
    }
    if (named === 0 && !empty) body.push(`${inner}__u32 m${memberNo++};`);
    if (flexible) body.push(`${inner}__u8 m${memberNo++}[];`);
    const attrs = [...(r.packed ? ['packed'] : []), ...(r.aligned !== null ? [`aligned(${r.aligned})`] : [])];
    const head = `${r.union ? 'union' : 'struct'}${name !== undefined ? ` ${name}` : ''}`;
    return `${head} {${body.map((b) => `\n${b}`).join('')}\n${indent}}${attrs.length > 0 ? ` __attribute__((${attrs.join(', ')}))` : ''}`;
  };
  h.records.forEach((r, i) => {
    budget[i] = r.empty ? 0 : r.members.reduce((n, m) => n + Math.min(memberEstimate(m, i), 600), 16);
    lines.push(`${recordText(r, i, '', r.flexible, `rt${i}`, r.empty)};`, '');
  });
  h.constants.forEach((c, i) => lines.push(`#define RC_${i} ${literal(c)}`));
  if (h.targetValues) h.wordConstants.forEach((c, i) => lines.push(`#define RW_${i} ${WORD_VALUES[c % WORD_VALUES.length] as string}`));
  lines.push('#define RT_IOWR(nr, T) _IOWR(\'d\', 0x40 + (nr), T)');
  const request = (c: IoctlGen): string => {
    const arg = typeof c.arg === 'string' ? scalar(c.arg)
      : h.records.length === 0 ? '__u32'
        : `${h.records[c.arg % h.records.length]?.union === true ? 'union' : 'struct'} rt${c.arg % h.records.length}`;
    const nr = `0x${c.nr.toString(16)}`;
    return c.wrapper && c.dir === 3 ? `RT_IOWR(${c.nr % 0x60}, ${arg})`
      : c.dir === 0 ? `_IO('r', ${nr})` : `${['', '_IOW', '_IOR', '_IOWR'][c.dir]}('r', ${nr}, ${arg})`;
  };
  h.ioctls.forEach((c, i) => lines.push(`#define RT_IOCTL_${i} ${request(c)}`));
  if (h.targetValues && h.enumIoctls.length > 0) lines.push('', 'enum rt_ioctls {', ...h.enumIoctls.map((c, i) => `\tRT_ENUM_IOCTL_${i} = ${request(c)},`), '};');
  return lines.join('\n') + '\n';
}
