import test from 'ava';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatIssue } from '../../core/diagnostics/format';
import { importHeader } from '../import';
import { parseAbiList } from '../../core/layout/abi';
import { layoutEngine } from '../../core/layout/engine';
import { lintSpec } from '../../contract/lint/lint-spec';
import { fromCanonical, toCanonical } from '../../core/model/canonical';
import type { Spec } from '../../core/model/model';
import { validateSpec } from '../../core/model/validate';
import { verifyLayout, type VerifyResult } from './verify-layout';

const ALL = parseAbiList('all').abis;

/**
 * What real uAPI headers do that strict C does not: GNU C's empty structs and zero-length arrays,
 * and flexible arrays inside unions the way <linux/stddef.h>'s `__DECLARE_FLEX_ARRAY` wraps them
 * (spelled out here, so that the test does not depend on the machine's kernel headers).
 */
const DECLARE_FLEX_ARRAY = `#include <linux/types.h>
#include <linux/ioctl.h>
#define UAPI_TEST_FLEX(TYPE, NAME) struct { struct { } __empty_ ## NAME; TYPE NAME[]; }
`;

const IDIOMS: Readonly<Record<string, string>> = {
  // io_uring_sqe, usb_string_descriptor: a union of views of a variable tail.
  declareFlexArrayInUnion: `struct flex_views {
	__u16 len;
	union {
		UAPI_TEST_FLEX(__u8, bytes);
		UAPI_TEST_FLEX(__u64, quads);
		__u32 first;
	};
};
union flex_only { UAPI_TEST_FLEX(__u32, words); UAPI_TEST_FLEX(__le64, big); };
struct flex_union_not_last { __u8 tag; union { UAPI_TEST_FLEX(__u64, q); __u16 h; } u; __u8 after; };
`,
  zeroLengthArrays: `struct zero_between { __u32 head; __u64 gap[0]; __u8 tail; };
union zero_views { __u8 raw[0]; __u32 words[0]; __u16 h; };
struct zero_only { __u64 none[0]; };
struct zero_2d { __u8 a; __u32 grid[0][3]; __u16 b; };
struct zero_array_of_records { __u8 a; struct zero_between r[0]; };
`,
  emptyRecords: `struct nothing { };
union none { };
struct holds_empty { __u8 a; struct { } marker; __u32 b; union { } views; struct nothing n[4]; };
struct empty_aligned { } __attribute__((aligned(8)));
struct after_empty_aligned { __u8 a; struct empty_aligned e; __u8 b; };
`,
  flexibleArrayNotAtEnd: `struct ends_flex { __u32 count; __u16 items[]; };
struct holds_ends_flex { __u8 a; struct ends_flex inner; __u64 after; };
union views_of_ends_flex { struct ends_flex e; __u64 big; };
struct packed_flex { __u8 a; __u64 b[]; } __attribute__((packed));
`,
};

async function importIdioms(name: string, body: string): Promise<{ file: string; spec: Spec }> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-idioms-')), `${name}.h`);
  fs.writeFileSync(file, `${DECLARE_FLEX_ARRAY}${body}#define IDIOM_IOCTL _IOWR('i', 1, struct ${/struct (\w+)/.exec(body)?.[1] ?? ''})\n`);
  const imported = await importHeader(file, { includeDirs: [] });
  if (imported.spec === undefined) throw new Error(imported.issues.map(formatIssue).join('\n'));
  return { file, spec: imported.spec };
}

const mismatches = (r: VerifyResult): string[] => [
  ...r.issues.map(formatIssue),
  ...r.mismatches.map((m) => `${m.abi}: ${m.path}: ${m.kind}: engine ${m.engine}, clang ${String(m.clang)}`),
];

for (const [name, body] of Object.entries(IDIOMS)) {
  test(`${name}: imported, valid, and laid out as clang does on all 8 ABIs`, async (t) => {
    const { file, spec } = await importIdioms(name, body);
    t.deepEqual(validateSpec(spec).map(formatIssue), []);
    const fromHeader = await verifyLayout(spec, { kind: 'header', file, displayName: file }, { abis: ALL, includeDirs: [] });
    t.deepEqual(mismatches(fromHeader), []);
    // Every record's size, alignment and every member's offset, on each ABI.
    t.true(fromHeader.checked >= ALL.length * spec.records.filter((r) => r.name !== undefined).length * 3, `${fromHeader.checked} values`);
    // The canonical JSON keeps empty member lists and zero lengths: the read-back spec lays out the same.
    const back = fromCanonical(JSON.parse(JSON.stringify(toCanonical(spec))), 'idioms.json');
    if (back.spec === undefined) return t.fail(back.issues.map(formatIssue).join('\n'));
    for (const abi of ALL) {
      for (const r of spec.records) {
        if (r.name === undefined) continue;
        t.is(layoutEngine(back.spec, abi).record(r.name).size, layoutEngine(spec, abi).record(r.name).size, `${abi.name} ${r.kind} ${r.name}`);
      }
    }
    return undefined;
  });
}

test('layouts of the idioms are GNU C\'s: empty records size 0, zero-length arrays take no room but align', async (t) => {
  const { spec } = await importIdioms('all', Object.values(IDIOMS).join(''));
  const on = (abi: string, name: string): { size: number; align: number; offsets: Record<string, number> } => {
    const l = layoutEngine(spec, ALL.find((a) => a.name === abi) ?? (ALL[0] as (typeof ALL)[number])).record(name);
    return { size: l.size, align: l.align, offsets: Object.fromEntries(l.members.filter((m) => m.name !== undefined).map((m) => [m.name as string, m.offset])) };
  };
  t.deepEqual(on('x86_64', 'nothing'), { size: 0, align: 1, offsets: {} });
  t.deepEqual(on('x86_64', 'holds_empty'), { size: 8, align: 4, offsets: { a: 0, marker: 1, b: 4, views: 8, n: 8 } });
  t.deepEqual(on('x86_64', 'zero_between'), { size: 16, align: 8, offsets: { head: 0, gap: 8, tail: 8 } });
  // i386 aligns __u64 to 4 inside structs, zero-length arrays of it too.
  t.deepEqual(on('i386', 'zero_between'), { size: 8, align: 4, offsets: { head: 0, gap: 4, tail: 4 } });
  t.deepEqual(on('x86_64', 'flex_only'), { size: 0, align: 8, offsets: {} });
  t.deepEqual(on('x86_64', 'after_empty_aligned'), { size: 16, align: 8, offsets: { a: 0, e: 8, b: 8 } });
  return undefined;
});

test('the C header written from the spec of the idioms lays out as the engine says', async (t) => {
  // `zero_only` included: a zero-length array that is a struct's only member stays `[0]` (C refuses `[]` there).
  const { spec } = await importIdioms('emitted', Object.values(IDIOMS).join(''));
  const r = await verifyLayout(spec, { kind: 'spec' }, { abis: ALL, includeDirs: [] });
  t.deepEqual(mismatches(r), []);
  t.true(r.checked > 800, `${r.checked} values`);
});

test('lint keeps the hazards as warnings: empty records (not __DECLARE_FLEX_ARRAY\'s) and arrays that are not last', async (t) => {
  const { spec } = await importIdioms('lint', Object.values(IDIOMS).join(''));
  const found = lintSpec(spec, { rules: ['S14', 'S15'], header: null }).map((f) => `${f.rule} ${f.severity} ${f.subject}`);
  t.deepEqual(found, [
    'S14 warning struct nothing',
    'S14 warning union none',
    'S14 warning struct empty_aligned',
    'S14 warning struct holds_empty.marker',
    'S14 warning struct holds_empty.views',
    'S15 warning struct flex_union_not_last.u.q',
    'S15 warning struct zero_between.gap',
    'S15 warning struct zero_2d.grid',
    'S15 warning struct holds_ends_flex.inner',
  ]);
});
