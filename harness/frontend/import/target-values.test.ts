import test from 'ava';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_ABI_NAMES, findAbi, type Abi } from '../../core/layout/abi';
import { layoutEngine } from '../../core/layout/engine';
import { ioctlViews } from '../../core/layout/spec-layout';
import { verifyLayout } from '../oracle/verify-layout';
import type { Spec } from '../../core/model/model';
import { importHeader } from './import-header';
import type { ImportResult } from './prepared-import';
import { specForAbi } from './target-variants';

// The eight ways real 6.12 headers got values wrong on some ABI, each on a minimal header: the
// import must give every ABI clang's own numbers for that target (checked with the oracle on all
// eight ABIs), or say where and why it cannot.

const ABIS = DEFAULT_ABI_NAMES.map((n) => findAbi(n) as Abi);
const abi = (n: string): Abi => findAbi(n) as Abi;

function tempTree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-values-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

async function imported(text: string, includeDirs: readonly string[] = []): Promise<{ file: string; r: ImportResult; spec: Spec }> {
  const file = path.join(tempTree({ 'h.h': text }), 'h.h');
  const r = await importHeader(file, { includeDirs });
  if (r.spec === undefined) throw new Error(`not imported: ${JSON.stringify(r.issues)}`);
  return { file, r, spec: r.spec };
}

/** The oracle on every ABI, each with its own variant: nothing may differ from clang. */
async function agreesWithClang(t: import('ava').ExecutionContext, file: string, r: ImportResult, includeDirs: readonly string[] = []): Promise<void> {
  const spec = r.spec as Spec;
  const v = await verifyLayout(spec, { kind: 'header', file, displayName: file }, { abis: ABIS, includeDirs, specFor: (a) => specForAbi(spec, r.variants, a.name) });
  t.deepEqual(v.issues, []);
  t.true(v.checked > 0);
  t.deepEqual(v.mismatches.map((m) => `${m.abi}: ${m.path}: ${m.kind}: engine ${m.engine}, clang ${m.clang}`), []);
}

const constant = (s: Spec, name: string): bigint | undefined => s.constants.find((c) => c.name === name)?.value;
const at = (r: ImportResult, a: string): Spec => specForAbi(r.spec as Spec, r.variants, a);

test('1: a macro whose value uses sizeof(long) or sizeof(void *) has each ABI\'s value', async (t) => {
  const { file, r } = await imported('#define MMIO_OFFSET (1ULL << (56 - 6 * sizeof(long)))\n#define PTR_BYTES (sizeof(void *))\n');
  t.is(constant(at(r, 'x86_64'), 'MMIO_OFFSET'), 1n << 8n);
  t.is(constant(at(r, 'i386'), 'MMIO_OFFSET'), 1n << 32n);
  t.is(constant(at(r, 'mips'), 'PTR_BYTES'), 4n);
  t.true(r.issues.some((i) => i.code === 'IMPORT_TARGET_DEPENDENT' && i.loc?.line === 1));
  await agreesWithClang(t, file, r);
});

test('2: an array bound computed from sizeof(unsigned long) is each ABI\'s, and so are sizes and request numbers', async (t) => {
  const { file, r } = await imported([
    '#include <linux/types.h>', '#include <linux/ioctl.h>',
    '#define NWORDS (128 / (8 * sizeof(unsigned long)))',
    'struct code { __u32 n; unsigned long bits[NWORDS]; __u32 tail; };',
    '#define CODE_GET _IOR(\'x\', 1, struct code)', '',
  ].join('\n'));
  t.is(layoutEngine(at(r, 'i386'), abi('i386')).record('code').size, 4 + 16 + 4);
  t.is(layoutEngine(at(r, 'x86_64'), abi('x86_64')).record('code').size, 8 + 16 + 8);
  const req = ioctlViews(at(r, 'arm'), layoutEngine(at(r, 'arm'), abi('arm'))).find((i) => i.name === 'CODE_GET');
  t.is(req?.size, 24);
  await agreesWithClang(t, file, r);
});

test('3: aligned(N) on a typedef lowers or raises the alignment, on every ABI', async (t) => {
  const { file, r, spec } = await imported([
    '#include <linux/types.h>',
    'typedef unsigned long packed_ulong __attribute__((aligned(4)));',
    'typedef __u32 wide_u32 __attribute__((aligned(8)));',
    'struct reg { __u32 id; packed_ulong mask; __u8 c; wide_u32 w; };',
    'struct packed_reg { __u8 a; wide_u32 w; } __attribute__((packed));', '',
  ].join('\n'));
  const e = layoutEngine(spec, abi('x86_64')).record('reg');
  t.deepEqual(e.members.map((m) => m.offset), [0, 4, 12, 16]);
  t.is(e.align, 8);
  await agreesWithClang(t, file, r);
});

test('4: an enumerator whose value is _IO/_IOR(...) has each ABI family\'s encoding', async (t) => {
  const { file, r } = await imported([
    '#include <linux/ioctl.h>', 'struct cfg { unsigned int a, b; };',
    'enum obs_ioctls { OBS_ENABLE = _IO(\'i\', 0x0), OBS_CONFIG = _IOW(\'i\', 0x2, struct cfg) };', '',
  ].join('\n'));
  const v = (a: string, n: string): bigint | undefined => at(r, a).enums[0]?.values.find((x) => x.name === n)?.value;
  t.is(v('x86_64', 'OBS_ENABLE'), 0x6900n);
  t.is(v('ppc64le', 'OBS_ENABLE'), 0x20006900n);
  t.is(v('mips', 'OBS_CONFIG'), 0x80086902n);
  await agreesWithClang(t, file, r);
});

test('5: a macro redefining an enumerator\'s name gives it the value C code sees (the macro\'s)', async (t) => {
  const { file, r, spec } = await imported('enum { MODE_A, MODE_B, __MODE_MAX };\n#define __MODE_MAX (__MODE_MAX - 1)\n#define MODE_A MODE_A\n');
  t.is(constant(spec, '__MODE_MAX'), 1n);
  t.is(constant(spec, 'MODE_A'), 0n);
  const w = r.issues.find((i) => i.code === 'IMPORT_MACRO_SHADOWS_ENUMERATOR');
  t.is(w?.loc?.line, 2);
  t.is(r.issues.filter((i) => i.code === 'IMPORT_MACRO_SHADOWS_ENUMERATOR').length, 1);
  await agreesWithClang(t, file, r);
});

test('6: an ioctl on a type the header never declares is a located warning naming the type, never an int', async (t) => {
  const { file, r, spec } = await imported("#include <linux/ioctl.h>\n#define PMU_GET _IOR('B', 1, size_t)\n#define PMU_SET _IOW('B', 2, bool)\n#define PMU_OK _IOW('B', 3, int)\n");
  t.deepEqual(spec.ioctls.map((i) => i.name), ['PMU_OK']);
  const w = r.issues.filter((i) => i.code === 'IMPORT_IOCTL_UNDECLARED_TYPE');
  t.deepEqual(w.map((i) => [i.loc?.file, i.loc?.line, i.loc?.col, /argument type (\w+)/.exec(i.message)?.[1]]), [[file, 2, 9, 'size_t'], [file, 3, 9, 'bool']]);
  await agreesWithClang(t, file, r);
  // With the declaration included, the type is the included one, laid out per ABI.
  const withStddef = await imported("#include <stddef.h>\n#include <linux/ioctl.h>\n#define PMU_GET _IOR('B', 1, size_t)\n");
  t.is(ioctlViews(withStddef.spec, layoutEngine(withStddef.spec, abi('i386')))[0]?.size, 4);
  await agreesWithClang(t, withStddef.file, withStddef.r);
});

test('7: <stdint.h> uint64_t and int64_t are 8 bytes everywhere, aligned 4 inside structs on i386 and 8 on arm and mips', async (t) => {
  const { file, r } = await imported('#include <stdint.h>\nstruct st { uint32_t a; uint64_t b; int64_t c; };\n');
  const size = (a: string): number => layoutEngine(at(r, a), abi(a)).record('st').size;
  const offset = (a: string): number | undefined => layoutEngine(at(r, a), abi(a)).record('st').members[1]?.offset;
  t.deepEqual([size('x86_64'), size('i386'), size('arm'), size('mips')], [24, 20, 24, 24]);
  t.deepEqual([offset('i386'), offset('arm')], [4, 8]);
  await agreesWithClang(t, file, r);
});

test('8: an asm/ header only the host\'s architecture has is a warning that names it and says how to fix it', async (t) => {
  // A tree laid out like a plain Debian install: asm/ for x86_64 only, asm-generic/ for the others.
  const tree = tempTree({
    'x86_64-linux-gnu/asm/flags.h': '#include <asm-generic/flags.h>\n',
    'asm-generic/flags.h': '#define O_QUICK 2048\n',
    'linux/quick.h': '#include <asm/flags.h>\n#define QFD_QUICK O_QUICK\n',
  });
  const file = path.join(tree, 'linux', 'quick.h');
  const r = await importHeader(file, { includeDirs: [tree] });
  const w = r.issues.find((i) => i.code === 'IMPORT_TARGET_DEPENDENT');
  t.is(w?.loc?.line, 1);
  t.regex(w?.message ?? '', /asm\/flags\.h is installed only for the host's architecture here \(.*x86_64-linux-gnu\/asm\/flags\.h\)/);
  t.regex(w?.message ?? '', /pass -I a tree with every architecture's asm\/ headers/);
  const v = await verifyLayout(r.spec as Spec, { kind: 'header', file, displayName: file }, { abis: [abi('x86_64'), abi('mips')], includeDirs: [tree] });
  t.deepEqual(v.issues.map((i) => i.code), ['VERIFY_NO_TARGET_HEADERS']);
  t.true(v.checked > 0, 'x86_64, whose own header it is, is still checked');
});
