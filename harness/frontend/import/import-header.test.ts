import test from 'ava';
import { spawnsOf } from '../../testing/spawns';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCliCaptured } from '../../testing/run-cli-captured';
import { findAbi, type Abi } from '../../core/layout/abi';
import { layoutEngine } from '../../core/layout/engine';
import { ioctlViews } from '../../core/layout/spec-layout';
import type { Member, RecordDecl, Spec, TypeNode } from '../../core/model/model';
import { validateSpec } from '../../core/model/validate';
import { importHeader } from './import-header';

const HABANALABS_6_1 = '/usr/include/misc/habanalabs.h';
const x86 = findAbi('x86_64') as Abi;

function tempHeader(text: string, name = 'sample.h'): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-import-')), name);
  fs.writeFileSync(file, text);
  return file;
}

const record = (s: Spec, name: string): RecordDecl => {
  const r = s.records.find((x) => x.name === name);
  if (r === undefined) throw new Error(`no record ${name}`);
  return r;
};
const member = (r: RecordDecl, name: string): Member => {
  const visible = (ms: readonly Member[]): Member[] => ms.flatMap((m) => (m.name === undefined && m.type.kind === 'record' ? visible(m.type.record.members) : [m]));
  const m = visible(r.members).find((x) => x.name === name);
  if (m === undefined) throw new Error(`no member ${name} in ${r.name ?? ''}`);
  return m;
};

test('the installed 6.1 habanalabs.h imports with the published sizes and request numbers', async (t) => {
  const r = await importHeader(HABANALABS_6_1, { includeDirs: [] });
  if (r.spec === undefined) return t.fail(r.issues.map((i) => i.message).join('\n'));
  const s = r.spec;
  t.is(s.name, 'habanalabs');
  t.is(s.version, '0.0.0');
  t.deepEqual(validateSpec(s), []);
  const engine = layoutEngine(s, x86);
  // shared/habanalabs-history.md, column 6.1.
  const sizes: Record<string, number> = { hl_info_args: 24, hl_cb_args: 24, hl_cs_args: 48, hl_wait_cs_args: 56, hl_mem_args: 40, hl_debug_args: 40, hl_info_hw_ip_info: 256, hl_info_hw_idle: 24, hl_info_cs_counters: 96 };
  for (const [name, size] of Object.entries(sizes)) t.is(engine.record(name).size, size, name);
  const requests = Object.fromEntries(ioctlViews(s, engine).map((i) => [i.name, i.request]));
  t.deepEqual(requests, { HL_IOCTL_INFO: 0xc0184801, HL_IOCTL_CB: 0xc0184802, HL_IOCTL_CS: 0xc0304803, HL_IOCTL_WAIT_CS: 0xc0384804, HL_IOCTL_MEMORY: 0xc0284805, HL_IOCTL_DEBUG: 0xc0284806 });
  t.is(s.constants.find((c) => c.name === 'HL_INFO_HW_IP_INFO')?.value, 0n);
  t.is(s.constants.find((c) => c.name === 'GAUDI_FIRST_AVAILABLE_W_S_SYNC_OBJECT')?.value, 144n);
  t.true(s.enums.some((e) => e.name === 'goya_queue_id'));
  // Every declaration and member carries its header position.
  const unlocated: string[] = [];
  const visit = (rec: RecordDecl, p: string): void => {
    if (rec.loc === undefined) unlocated.push(p);
    for (const m of rec.members) {
      if (m.loc === undefined) unlocated.push(`${p}.${m.name ?? '<anon>'}`);
      if (m.type.kind === 'record') visit(m.type.record, `${p}.${m.name ?? '<anon>'}`);
    }
  };
  s.records.forEach((rec) => visit(rec, rec.name ?? '?'));
  for (const d of [...s.enums, ...s.constants, ...s.ioctls]) if (d.loc === undefined) unlocated.push(d.name);
  t.deepEqual(unlocated, []);
  t.deepEqual(record(s, 'hl_info_args').loc, { file: HABANALABS_6_1, line: fileLineOf(HABANALABS_6_1, 'struct hl_info_args {'), col: 8 });
  return undefined;
});

function fileLineOf(file: string, text: string): number {
  return fs.readFileSync(file, 'utf8').split('\n').findIndex((l) => l.startsWith(text)) + 1;
}

const SAMPLE = `#include <linux/types.h>
#include <linux/ioctl.h>
typedef unsigned long size_t_like;
typedef __u32 handle_t;
enum colour { RED, GREEN = 5, BLUE };
struct inner { __u32 a; };
struct sample {
	__aligned_u64 big;
	__le32 le;
	size_t_like len;
	handle_t handle;
	void *ptr;
	_Bool flag;
	long l;
	enum colour c;
	__u32 bits : 3, more : 5;
	__u32 : 0;
	union { __u32 u32v; __u16 u16v[2]; };
	struct { __u8 x; } named, many[2];
	struct inner in __attribute__((aligned(16)));
	__u8 tail[];
} __attribute__((packed));
#define SAMPLE_BASE 0x40
#define SAMPLE_IOWR(nr, T) _IOWR('d', SAMPLE_BASE + (nr), T)
#define SAMPLE_IOCTL_GET SAMPLE_IOWR(0x02, struct inner)
#define SAMPLE_IOCTL_RESET _IO('d', 0x41)
#define SAMPLE_IOCTL_RAW _IOC(_IOC_READ, 'd', 0x43, 12)
#define SAMPLE_FLAG (1U << 31)
#define SAMPLE_BIG 0xffffffffffffffffULL
#define SAMPLE_NEG (-3)
#define SAMPLE_NAME "not a number"
#define SAMPLE_BIT BIT(4)
`;

test('types map to the model: kernel scalars, typedef spellings, non-uAPI constructs kept for lint', async (t) => {
  const r = await importHeader(tempHeader(SAMPLE), { includeDirs: [], name: 'sample', version: '1.2.3' });
  if (r.spec === undefined) return t.fail(r.issues.map((i) => i.message).join('\n'));
  const s = r.spec;
  t.is(s.version, '1.2.3');
  const rec = record(s, 'sample');
  t.true(rec.packed);
  const type = (n: string): TypeNode => member(rec, n).type;
  t.deepEqual(type('big'), { kind: 'scalar', name: '__aligned_u64' });
  t.is(member(rec, 'big').aligned, undefined, 'the aligned(8) of the __aligned_u64 macro is part of the type');
  t.deepEqual(type('le'), { kind: 'scalar', name: '__le32' });
  t.deepEqual(type('len'), { kind: 'scalar', name: 'unsigned long', spelled: 'size_t_like' });
  t.deepEqual(type('handle'), { kind: 'scalar', name: '__u32', spelled: 'handle_t' });
  t.deepEqual(type('ptr'), { kind: 'pointer', to: { kind: 'scalar', name: 'char', spelled: 'void' } });
  t.deepEqual(type('flag'), { kind: 'scalar', name: '_Bool' });
  t.deepEqual(type('l'), { kind: 'scalar', name: 'long' });
  t.deepEqual(type('c'), { kind: 'ref', tag: 'enum', name: 'colour' });
  t.is(member(rec, 'bits').bits, 3);
  t.is(member(rec, 'more').bits, 5);
  t.true(rec.members.some((m) => m.name === undefined && m.bits === 0), 'the zero-width bit-field is kept');
  t.is(type('u16v').kind, 'array');
  t.is(type('named').kind, 'record');
  t.like(type('many'), { kind: 'array', length: 2 });
  t.deepEqual(type('in'), { kind: 'ref', tag: 'struct', name: 'inner' });
  t.is(member(rec, 'in').aligned, 16);
  t.deepEqual(type('tail'), { kind: 'array', element: { kind: 'scalar', name: '__u8' }, length: 0 });
  t.deepEqual(s.enums.find((e) => e.name === 'colour')?.values.map((v) => [v.name, v.value]), [['RED', 0n], ['GREEN', 5n], ['BLUE', 6n]]);
  const ioctl = (n: string) => s.ioctls.find((i) => i.name === n);
  t.like(ioctl('SAMPLE_IOCTL_GET'), { dir: 'rw', type: 100, nr: 0x42, arg: { kind: 'ref', tag: 'struct', name: 'inner' } });
  t.like(ioctl('SAMPLE_IOCTL_RESET'), { dir: 'none', type: 100, nr: 0x41 });
  t.is(ioctl('SAMPLE_IOCTL_RESET')?.arg, undefined);
  t.like(ioctl('SAMPLE_IOCTL_RAW'), { dir: 'r', nr: 0x43, arg: { kind: 'array', length: 12 } });
  t.true(r.issues.some((i) => i.code === 'IMPORT_IOCTL_SIZE' && i.path === 'ioctl SAMPLE_IOCTL_RAW'));
  const constant = (n: string) => s.constants.find((c) => c.name === n)?.value;
  t.is(constant('SAMPLE_BASE'), 0x40n);
  t.is(constant('SAMPLE_FLAG'), 0x80000000n);
  t.is(constant('SAMPLE_BIG'), 0xffffffffffffffffn);
  t.is(constant('SAMPLE_NEG'), -3n);
  t.is(constant('SAMPLE_NAME'), undefined);
  t.true(r.issues.some((i) => i.code === 'IMPORT_MACRO_SKIPPED' && i.path === '#define SAMPLE_NAME' && i.severity === 'info'));
  t.is(constant('SAMPLE_BIT'), 16n);
  t.true(r.issues.some((i) => i.code === 'IMPORT_KERNEL_ONLY_MACRO' && i.path === 'constant SAMPLE_BIT' && i.severity === 'warning'));
  t.false(s.ioctls.some((i) => i.name === 'SAMPLE_BASE'));
  t.deepEqual(validateSpec(s), []);
  return undefined;
});

test('a header that does not compile gives clang\'s errors with file, line and column; the CLI exits 2', async (t) => {
  const file = tempHeader('#include <linux/types.h>\nstruct broken {\n\t__u32 a\n\tnosuch_t b;\n};\n#include <no/such/header.h>\n', 'broken.h');
  const r = await importHeader(file, { includeDirs: [] });
  t.is(r.spec, undefined);
  t.true(r.issues.length >= 2);
  t.true(r.issues.every((i) => i.severity === 'error' && i.loc?.file === file));
  t.true(r.issues.some((i) => i.loc?.line === 6 && /no\/such\/header\.h.*not found/.test(i.message)), JSON.stringify(r.issues));
  const cli = await runCliCaptured(['layout', file], { cwd: process.cwd() });
  t.is(cli.code, 2);
  t.regex(cli.err, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: error`));
  t.notRegex(cli.err, /\n\s+at /, 'no stack trace');
});

test('-I folders come before the system ones', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-inc-'));
  fs.mkdirSync(path.join(dir, 'extra'));
  fs.writeFileSync(path.join(dir, 'extra', 'base.h'), '#define EXTRA_BASE 0x70\nstruct from_include { __u16 v; };\n');
  const file = tempHeader('#include <linux/types.h>\n#include <extra/base.h>\n#define MY_VALUE (EXTRA_BASE + 1)\nstruct mine { struct from_include f; };\n');
  const without = await importHeader(file, { includeDirs: [] });
  t.is(without.spec, undefined);
  const r = await importHeader(file, { includeDirs: [dir] });
  t.is(r.spec?.constants.find((c) => c.name === 'MY_VALUE')?.value, 0x71n);
  t.false(r.spec?.constants.some((c) => c.name === 'EXTRA_BASE'), 'constants of included headers are not the header\'s own');
  t.truthy(r.spec?.records.find((x) => x.name === 'from_include'), 'types it uses from other headers come along');
});

test.serial('a second import of the same header comes from the cache and starts no clang process', async (t) => {
  const file = tempHeader(SAMPLE);
  const first = await importHeader(file, { includeDirs: [] });
  const { value: second, started } = await spawnsOf(() => importHeader(file, { includeDirs: [] }));
  t.deepEqual(second, first);
  t.deepEqual(started, [], 'a cached import runs nothing');
  fs.appendFileSync(file, '#define SAMPLE_LATER 1\n');
  const { value: changed, started: again } = await spawnsOf(() => importHeader(file, { includeDirs: [] }));
  t.is(changed.spec?.constants.find((c) => c.name === 'SAMPLE_LATER')?.value, 1n, 'a changed header is compiled again');
  t.true(again.length > 0);
});
