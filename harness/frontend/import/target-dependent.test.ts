import test from 'ava';
import { spawnsOf } from '../../testing/spawns';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_ABI_NAMES } from '../../core/layout/abi';
import { runCliCaptured } from '../../testing/run-cli-captured';
import { importHeader } from './import-header';
import { specForAbi } from './target-variants';

// Small headers whose content depends on the target, as real uAPI headers do (linux/rpl.h,
// linux/raid/md_p.h, linux/vboxguest.h, linux/eventpoll.h): each ABI must be laid out from its own
// preprocessed variant, and a header without such conditionals must still cost one clang run.

const BITFIELDS = `#include <linux/types.h>
#include <asm/byteorder.h>
struct order_hdr {
\t__u8 kind;
#if defined(__LITTLE_ENDIAN_BITFIELD)
\t__u8 low:4, high:4;
#elif defined(__BIG_ENDIAN_BITFIELD)
\t__u8 high:4, low:4;
#endif
\t__u16 len;
};
`;

const WORD = `#include <linux/types.h>
struct word_hdr {
\t__u32 a;
#if __BITS_PER_LONG == 64
\t__u64 wide;
#else
\t__u32 narrow;
#endif
};
`;

const X86_ONLY = (extra: string): string => `#include <linux/types.h>
struct arch_hdr {
\t__u32 events;
#ifdef __x86_64__
\t__u32 x86_pad${extra};
#endif
\t__u64 data;
};
`;

const PLAIN = `#include <linux/types.h>
struct plain_hdr { __u32 a; __u64 b; };
`;

function tempHeader(text: string, name: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-target-')), name);
  fs.writeFileSync(file, text);
  return file;
}

const run = (argv: string[]) => runCliCaptured(argv, { cwd: process.cwd() });

test.serial('a header without target conditionals is imported with exactly one clang run and has no variants', async (t) => {
  const file = tempHeader(PLAIN, 'plain.h');
  const { value: r, started } = await spawnsOf(() => importHeader(file, { includeDirs: [] }));
  t.is(started.length, 1, started.map((s) => s.join(' ').slice(0, 200)).join('\n'));
  t.truthy(r.spec);
  t.is(r.variants, undefined);
  t.false(r.issues.some((i) => i.code === 'IMPORT_TARGET_DEPENDENT'));
});

test.serial('a target-dependent header costs more runs the first time and none from the cache', async (t) => {
  const file = tempHeader(BITFIELDS, 'order_cached.h');
  const first = await spawnsOf(() => importHeader(file, { includeDirs: [] }));
  t.true(first.started.length > 1, 'preprocessed per class of ABIs and imported per variant');
  t.is(first.value.variants?.length, 2);
  const second = await spawnsOf(() => importHeader(file, { includeDirs: [] }));
  t.deepEqual(second.started, []);
  t.deepEqual(second.value, first.value);
});

test('bit-field order by byte order: one variant per byte order, each equal to clang on all 8 ABIs', async (t) => {
  const file = tempHeader(BITFIELDS, 'order.h');
  const r = await importHeader(file, { includeDirs: [] });
  t.deepEqual(r.variants?.map((v) => v.abis), [['x86_64', 'i386', 'aarch64', 'arm', 'riscv64', 'ppc64le'], ['s390x', 'mips', 'm68k']]);
  const warning = r.issues.find((i) => i.code === 'IMPORT_TARGET_DEPENDENT');
  t.is(warning?.severity, 'warning');
  t.deepEqual(warning?.loc, { file, line: 5, col: 13 }, 'at the first conditional naming a target macro');
  t.regex(warning?.message ?? '', /s390x, mips, m68k differ from x86_64/);
  const names = (abi: string): (string | undefined)[] => (r.spec === undefined ? [] : specForAbi(r.spec, r.variants, abi).records[0]?.members.map((m) => m.name) ?? []);
  t.deepEqual(names('x86_64'), ['kind', 'low', 'high', 'len']);
  t.deepEqual(names('s390x'), ['kind', 'high', 'low', 'len']);
  const v = await run(['verify-layout', file, '--abi', 'all', '--format', 'json']);
  t.is(v.code, 0, v.out + v.err);
  const json = JSON.parse(v.out) as { mismatches: unknown[]; abis: string[] };
  t.deepEqual(json.mismatches, []);
  t.deepEqual(json.abis, [...DEFAULT_ABI_NAMES]);
});

test('a __BITS_PER_LONG member: 64-bit and 32-bit ABIs get their own member, as clang lays them out', async (t) => {
  const file = tempHeader(WORD, 'word.h');
  const layout = await run(['layout', file, '--abi', 'x86_64,i386,s390x,mips', '--format', 'json']);
  t.is(layout.code, 0, layout.err);
  const json = JSON.parse(layout.out) as { layouts: { abi: string; types: { name: string; size: number; fields: { name: string }[] }[] }[] };
  const word = (abi: string) => json.layouts.find((l) => l.abi === abi)?.types.find((x) => x.name === 'word_hdr');
  t.deepEqual(word('x86_64')?.fields.map((f) => f.name), ['a', 'wide']);
  t.is(word('x86_64')?.size, 16);
  t.deepEqual(word('s390x')?.fields.map((f) => f.name), ['a', 'wide']);
  t.deepEqual(word('i386')?.fields.map((f) => f.name), ['a', 'narrow']);
  t.is(word('mips')?.size, 8);
  t.regex(layout.err, /word\.h:4:5: warning IMPORT_TARGET_DEPENDENT: .*i386, arm, mips, m68k differ from x86_64/);
  const v = await run(['verify-layout', file, '--abi', 'all']);
  t.is(v.code, 0, v.out + v.err);
  t.regex(v.out, /agree with clang/);
});

test('an __x86_64__-only member: verify-layout agrees on all 8 ABIs, and a change in it is reported on x86_64 only', async (t) => {
  const oldFile = tempHeader(X86_ONLY(''), 'arch.h');
  const newFile = tempHeader(X86_ONLY('[3]'), 'arch.h');
  const v = await run(['verify-layout', oldFile, '--abi', 'all', '--format', 'json']);
  t.is(v.code, 0, v.out + v.err);
  t.deepEqual((JSON.parse(v.out) as { mismatches: unknown[] }).mismatches, []);
  const d = await run(['diff', oldFile, newFile, '--format', 'json']);
  t.is(d.code, 1, d.err);
  const changes = (JSON.parse(d.out) as { changes: { rule: string; subject: string; abis: string[] }[] }).changes;
  t.true(changes.length > 0);
  for (const c of changes) t.deepEqual(c.abis, ['x86_64'], `${c.rule} ${c.subject}`);
  t.true(changes.some((c) => c.subject === 'struct arch_hdr.data'), 'the member after it moved, on x86_64');
});

test('uapi import writes the x86_64 variant and warns where the header depends on the target', async (t) => {
  const file = tempHeader(WORD, 'word_import.h');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-target-out-'));
  const r = await run(['import', file, '--out', out]);
  t.is(r.code, 0, r.err);
  t.regex(r.err, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:5: warning IMPORT_TARGET_DEPENDENT: `));
  const spec = fs.readFileSync(path.join(out, 'spec.ts'), 'utf8');
  t.regex(spec, /wide/);
  t.notRegex(spec, /narrow/);
});
