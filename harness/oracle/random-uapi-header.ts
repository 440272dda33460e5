import fc from 'fast-check';

/**
 * Random uAPI-style headers for the oracle property test: structs and unions with named and
 * anonymous nested records, arrays, every kernel scalar and the C scalars lint flags, pointers,
 * enum-typed members, packed/aligned attributes, bit-fields (unnamed and zero-width ones too),
 * flexible array members (at the end of a struct, and in unions and structs the way the kernel's
 * `__DECLARE_FLEX_ARRAY` wraps them), zero-length arrays anywhere, empty structs and unions, enums
 * (packed, negative, 64-bit values, implicit values), integer constants, and ioctls through `_IO*`
 * and a DRM-style wrapper. The arbitrary describes the header
 * as data; `renderHeader` writes valid C from it (references only to earlier types, sizes bounded).
 */
const SCALARS = [
  '__u8', '__s8', '__u16', '__s16', '__u32', '__s32', '__u64', '__s64', '__aligned_u64', '__aligned_s64',
  '__le16', '__le32', '__le64', '__be16', '__be32', '__be64', '__aligned_le64', '__aligned_be64',
  'char', 'signed char', 'unsigned char', 'short', 'unsigned short', 'int', 'unsigned int', 'long', 'unsigned long',
  'long long', 'unsigned long long', '_Bool', 'float', 'double',
] as const;
const BIT_BASES: readonly [string, number][] = [
  ['__u8', 8], ['__s8', 8], ['__u16', 16], ['__u32', 32], ['__s32', 32], ['__u64', 64], ['int', 32], ['unsigned int', 32],
  ['unsigned char', 8], ['short', 16], ['long long', 64], ['unsigned long', 32], ['_Bool', 1],
];

type TypeGen =
  | { readonly t: 'scalar'; readonly name: string }
  | { readonly t: 'pointer' }
  | { readonly t: 'array'; readonly element: TypeGen; readonly length: number }
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
}

const alignArb = fc.option(fc.constantFrom(1, 2, 4, 8, 16), { nil: null, freq: 6 });

const typeArb = (depth: number): fc.Arbitrary<TypeGen> => {
  const leaf: fc.Arbitrary<TypeGen>[] = [
    fc.constantFrom(...SCALARS).map((name): TypeGen => ({ t: 'scalar', name })),
    fc.constant<TypeGen>({ t: 'pointer' }),
    fc.nat(1000).map((index): TypeGen => ({ t: 'ref', index })),
    fc.nat(1000).map((index): TypeGen => ({ t: 'enum', index })),
  ];
  // Length 0 is GNU C's zero-length array, valid anywhere.
  const arrays = fc.record({ element: fc.oneof(...leaf), length: fc.integer({ min: 0, max: 5 }) }).map(({ element, length }): TypeGen => ({ t: 'array', element, length }));
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

export function uapiHeaderArb(options: { minRecords?: number; maxRecords?: number } = {}): fc.Arbitrary<UapiHeaderGen> {
  return fc.record({
    records: fc.array(
      fc.record({ r: recordArb(2), flexible: fc.boolean(), empty: fc.nat(15) })
        .map(({ r, flexible, empty }) => ({ ...r, flexible: flexible && !r.union && empty !== 0, empty: empty === 0 })),
      { minLength: options.minRecords ?? 30, maxLength: options.maxRecords ?? 60 },
    ),
    enums: fc.array(fc.record({ values: fc.array(enumValue, { minLength: 1, maxLength: 5 }), packed: fc.boolean() }), { minLength: 1, maxLength: 6 }),
    constants: fc.array(fc.bigInt(-(2n ** 63n), 2n ** 64n - 1n), { maxLength: 10 }),
    ioctls: fc.array(fc.record({ dir: fc.constantFrom<0 | 1 | 2 | 3>(0, 1, 2, 3), nr: fc.nat(255), arg: fc.oneof(fc.nat(1000), fc.constantFrom('__u32', '__u64', '__aligned_u64', 'int')), wrapper: fc.boolean() }), { maxLength: 12 }),
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
    '/* generated by the uapi-harness oracle property test */', '#include <linux/types.h>', '#include <linux/ioctl.h>', '',
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
      case 'ref': return i > 0 && !(h.records[t.index % i]?.flexible ?? true) ? (budget[t.index % i] as number) : 16;
      case 'inline': return t.record.members.reduce((n, m) => n + memberEstimate(m, i), 16);
    }
  };
  const memberEstimate = (m: MemberGen, i: number): number => (m.m === 'field' ? estimate(m.type, i) : 16);
  const typeText = (t: TypeGen, i: number, indent: string, after: string): string => {
    switch (t.t) {
      case 'scalar': return `${t.name} ${after}`;
      case 'pointer': return `void *${after}`;
      case 'enum': return `enum re${t.index % h.enums.length} ${after}`;
      case 'ref': {
        const target = i > 0 ? h.records[t.index % i] : undefined;
        if (target === undefined || target.flexible) return `__u32 ${after}`;
        return `${target.union ? 'union' : 'struct'} rt${t.index % i} ${after}`;
      }
      case 'array': {
        const dims = `[${t.length}]`;
        return typeText(t.element, i, indent, `${after}${dims}`);
      }
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
        body.push(`${inner}RT_FLEX(${m.element}, m${n});`);
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
  lines.push('#define RT_IOWR(nr, T) _IOWR(\'d\', 0x40 + (nr), T)');
  h.ioctls.forEach((c, i) => {
    const arg = typeof c.arg === 'string' ? c.arg
      : h.records.length === 0 ? '__u32'
        : `${h.records[c.arg % h.records.length]?.union === true ? 'union' : 'struct'} rt${c.arg % h.records.length}`;
    const nr = `0x${c.nr.toString(16)}`;
    const macro = c.wrapper && c.dir === 3 ? `RT_IOWR(${c.nr % 0x60}, ${arg})`
      : c.dir === 0 ? `_IO('r', ${nr})` : `${['', '_IOW', '_IOR', '_IOWR'][c.dir]}('r', ${nr}, ${arg})`;
    lines.push(`#define RT_IOCTL_${i} ${macro}`);
  });
  return lines.join('\n') + '\n';
}
