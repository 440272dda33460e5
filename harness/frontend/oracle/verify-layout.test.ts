import test from 'ava';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { importHeader } from '../import';
import { parseAbiList } from '../../core/layout/abi';
import type { RecordDecl, Spec } from '../../core/model/model';
import { runCliCaptured } from '../../testing/run-cli-captured';
import { verifyLayout } from './verify-layout';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const run = (argv: string[]) => runCliCaptured(argv, { cwd: repoRoot });
const HABANALABS_6_1 = '/usr/include/misc/habanalabs.h';
const ALL = parseAbiList('all').abis;

test('layout of the installed habanalabs.h on all 8 ABIs is what clang computes (verify-layout exits 0)', async (t) => {
  const layout = await run(['layout', HABANALABS_6_1, '--abi', 'all', '--format', 'json']);
  t.is(layout.code, 0, layout.err);
  const json = JSON.parse(layout.out) as { layouts: { abi: string; types: unknown[]; ioctls: unknown[]; enums: unknown[]; constants: unknown[] }[] };
  t.deepEqual(json.layouts.map((l) => l.abi), ['x86_64', 'i386', 'aarch64', 'arm', 'riscv64', 'ppc64le', 's390x', 'mips']);
  t.true(json.layouts.every((l) => l.types.length > 40 && l.ioctls.length === 6 && l.enums.length > 5 && l.constants.length > 100));
  const verified = await run(['verify-layout', HABANALABS_6_1, '--format', 'json']);
  t.is(verified.code, 0, verified.err + verified.out);
  const v = JSON.parse(verified.out) as { checked: number; mismatches: unknown[]; abis: string[] };
  t.deepEqual(v.mismatches, []);
  t.deepEqual(v.abis, json.layouts.map((l) => l.abi));
  t.true(v.checked > 10000, `only ${v.checked} values`);
});

test('verify-layout passes on the reference spec, written out as a C header', async (t) => {
  const r = await run(['verify-layout', path.join(repoRoot, 'specs', 'habanalabs')]);
  t.is(r.code, 0, r.err + r.out);
  t.regex(r.out, /values on 8 ABIs .* agree with clang/);
});

const SMALL = `#include <linux/types.h>
#include <linux/ioctl.h>
struct small { __u32 a; __u64 b; __u8 c : 3; __u8 d : 4; };
#define SMALL_IOCTL _IOW('s', 1, struct small)
`;

function withMember(spec: Spec, name: string, change: (r: RecordDecl) => RecordDecl): Spec {
  return { ...spec, records: spec.records.map((r) => (r.name === name ? change(r) : r)) };
}

test('every disagreement is reported with its path and both values (the oracle can fail)', async (t) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-verify-')), 'small.h');
  fs.writeFileSync(file, SMALL);
  const imported = await importHeader(file, { includeDirs: [] });
  if (imported.spec === undefined) return t.fail();
  const source = { kind: 'header' as const, file, displayName: file };
  const clean = await verifyLayout(imported.spec, source, { abis: ALL, includeDirs: [] });
  t.deepEqual(clean.mismatches, []);
  // A spec that says `b` is 32-bit: offsets, sizes, bit offsets and request numbers follow.
  const wrong = withMember(imported.spec, 'small', (r) => ({ ...r, members: r.members.map((m) => (m.name === 'b' ? { ...m, type: { kind: 'scalar', name: '__u32' } } : m)) }));
  const r = await verifyLayout(wrong, source, { abis: parseAbiList('x86_64,i386').abis, includeDirs: [] });
  const find = (abi: string, p: string, kind: string) => r.mismatches.find((m) => m.abi === abi && m.path === p && m.kind === kind);
  t.like(find('x86_64', 'struct small.b', 'offset'), { engine: 4n, clang: 8n });
  t.like(find('x86_64', 'struct small.b', 'field size'), { engine: 4n, clang: 8n });
  t.like(find('x86_64', 'struct small', 'size'), { engine: 12n, clang: 24n });
  t.like(find('x86_64', 'struct small.c', 'bit offset'), { engine: 64n, clang: 128n });
  t.like(find('x86_64', 'ioctl SMALL_IOCTL', 'request'), { engine: BigInt(0x400c7301), clang: BigInt(0x40187301) });
  t.like(find('i386', 'struct small', 'size'), { engine: 12n, clang: 16n });
  t.is(find('i386', 'struct small.b', 'offset'), undefined, 'i386 aligns __u64 to 4: the offset agrees there');
  // The bit-field offsets come from clang's record layout: a packed spec moves them.
  const packed = withMember(imported.spec, 'small', (r) => ({ ...r, packed: true }));
  const p = await verifyLayout(packed, source, { abis: parseAbiList('x86_64').abis, includeDirs: [] });
  t.like(p.mismatches.find((m) => m.path === 'struct small.c' && m.kind === 'bit offset'), { engine: 96n, clang: 128n });
  return undefined;
});

test.serial('no clang at all is a usage problem (exit 2), not a mismatch', async (t) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-verify-')), 'small.h');
  fs.writeFileSync(file, SMALL.replace('small', 'small_noclang'));
  const saved = { clang: process.env['UAPI_CLANG'], cache: process.env['UAPI_HARNESS_CACHE'] };
  process.env['UAPI_CLANG'] = '/nonexistent/clang';
  process.env['UAPI_HARNESS_CACHE'] = 'off';
  try {
    const r = await run(['verify-layout', file]);
    t.is(r.code, 2);
    t.regex(r.err, /CLANG_MISSING/);
  } finally {
    for (const [k, v] of [['UAPI_CLANG', saved.clang], ['UAPI_HARNESS_CACHE', saved.cache]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
});
