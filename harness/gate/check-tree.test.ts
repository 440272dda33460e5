import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'ava';
import { runCliCaptured } from '../testing/run-cli-captured';
import { installUapiHeaders } from '../frontend/tree/installed-headers';
import { HEADER, kernelTree, sh } from '../testing/kernel-tree';

test('check-tree: uncommitted header changes against HEAD, on every ABI, with values', async (t) => {
  const top = kernelTree();
  const run = (...argv: string[]) => runCliCaptured(['check-tree', ...argv], { cwd: top });
  const clean = await run('--format', 'json');
  t.is(clean.code, 0, clean.err);
  t.like(JSON.parse(clean.out), { verdict: 'identical', base: 'HEAD', past: 'HEAD^1', headers: [] });
  // An edit that breaks nothing proven: a flag added, and a pad given a meaning, a hazard here since
  // nothing shows that this non-DRM driver rejected a non-zero pad (the verdict stays compatible).
  fs.writeFileSync(path.join(top, 'include', 'uapi', 'linux', 'demo.h'), HEADER('\t__u64 handle;\n\t__u32 size;\n\t__u32 flags;', '#define DEMO_FLAG_B 0x2'));
  const ok = await run('--format', 'json');
  t.is(ok.code, 0, ok.out + ok.err);
  const json = JSON.parse(ok.out) as { verdict: string; base: string; past: string; headers: { path: string; changes: { rule: string }[] }[] };
  t.like(json, { verdict: 'compatible', hazards: 1, base: 'worktree', past: 'HEAD' });
  t.deepEqual(json.headers[0]?.changes.map((c) => c.rule).sort(), ['FLAG_ADDED', 'PAD_GIVEN_MEANING_UNCHECKED'], 'DEMO_FLAG_A and DEMO_FLAG_B form a flag group');
});

test('check-tree: committed breaks between revisions, removed and added headers', async (t) => {
  const top = kernelTree();
  fs.writeFileSync(path.join(top, 'include', 'uapi', 'linux', 'demo.h'), HEADER('\t__u32 size;\n\t__u64 handle;', '').replace('0x1', '0x4'));
  fs.rmSync(path.join(top, 'include', 'uapi', 'linux', 'gone.h'));
  fs.writeFileSync(path.join(top, 'include', 'uapi', 'linux', 'fresh.h'), '#ifndef F\n#define F\n#include <linux/types.h>\nstruct fresh { __u32 a; __u64 b; };\n#endif\n');
  sh(top, 'add', '-A');
  sh(top, 'commit', '-qm', 'break');
  const r = await runCliCaptured(['check-tree', '-b', 'HEAD', '-p', 'HEAD^1'], { cwd: top });
  t.is(r.code, 1);
  t.regex(r.out, /include\/uapi\/linux\/gone\.h: HEADER_REMOVED abi-break/);
  t.regex(r.out, /HEADER_ADDED compatible/);
  t.regex(r.out, /LAYOUT_32_64_DIVERGENCE_UNUSED info: include\/uapi\/linux\/fresh\.h: struct fresh/, 'a new type with 32/64-bit hazards is noted');
  t.regex(r.out, /FIELD_MOVED abi-break: include\/uapi\/linux\/demo\.h: struct demo_args\.handle/);
  t.regex(r.out, /CONSTANT_VALUE_CHANGED value-break: include\/uapi\/linux\/demo\.h: constant DEMO_FLAG_A/);
  t.regex(r.out, /IOCTL_SIZE_CHANGED value-break/, 'i386: 16 -> 12 bytes changes the request number');
  t.regex(r.out, /uapi check-tree HEAD\^1 -> HEAD \(3 headers\): breaking/);
});

test('check-tree: a removed ioctl the past revision\'s driver no longer names is compatible; one it still handles is a break', async (t) => {
  const top = kernelTree();
  const file = path.join(top, 'include', 'uapi', 'linux', 'demo.h');
  const fields = '\t__u64 handle;\n\t__u32 size;\n\t__u32 pad;';
  fs.writeFileSync(file, HEADER(fields, "#define DEMO_OLD _IOW('D', 2, __u32)\n#define DEMO_DEAD _IOW('D', 3, __u32)"));
  fs.mkdirSync(path.join(top, 'drivers', 'demo'), { recursive: true });
  fs.writeFileSync(path.join(top, 'drivers', 'demo', 'demo.c'), 'switch (cmd) {\ncase DEMO_IOCTL:\ncase DEMO_OLD:\n\treturn 0;\n}\n');
  sh(top, 'add', '-A');
  sh(top, 'commit', '-qm', 'two more ioctls, one handled');
  fs.writeFileSync(file, HEADER(fields));
  const r = await runCliCaptured(['check-tree', '--format', 'json', '--abi', 'x86_64'], { cwd: top });
  t.is(r.code, 1, r.err);
  const changes = (JSON.parse(r.out) as { headers: { changes: { rule: string; level: string; subject: string; message: string }[] }[] }).headers[0]?.changes ?? [];
  t.like(changes.find((c) => c.subject === 'ioctl DEMO_DEAD'), { rule: 'IOCTL_REMOVED_UNSERVED', level: 'compatible' });
  const old = changes.find((c) => c.subject === 'ioctl DEMO_OLD');
  t.like(old, { rule: 'IOCTL_REMOVED', level: 'value-break' });
  t.regex(old?.message ?? '', /revision HEAD still names it at drivers\/demo\/demo\.c:3/);
});

test('check-tree outside a git checkout is a usage error', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-nogit-'));
  const r = await runCliCaptured(['check-tree'], { cwd: dir });
  t.is(r.code, 2);
  t.regex(r.err, /not inside a git checkout/);
});

test('check-tree: a member only x86_64 has changes on x86_64 only, and the header is said to be target-dependent', async (t) => {
  const top = kernelTree();
  const file = path.join(top, 'include', 'uapi', 'linux', 'arch.h');
  const arch = (pad: string): string => HEADER(`\t__u32 events;\n#ifdef __x86_64__\n\t__u32 pad${pad};\n#endif\n\t__u64 data;`);
  fs.writeFileSync(file, arch(''));
  sh(top, 'add', '-A');
  sh(top, 'commit', '-qm', 'arch header');
  fs.writeFileSync(file, arch('[3]'));
  const r = await runCliCaptured(['check-tree', '--format', 'json'], { cwd: top });
  t.is(r.code, 1, r.err);
  const json = JSON.parse(r.out) as { headers: { path: string; changes: { subject: string; abis: string[] }[] }[] };
  const h = json.headers.find((x) => x.path === 'include/uapi/linux/arch.h');
  t.truthy(h);
  t.true((h?.changes.length ?? 0) > 0);
  for (const c of h?.changes ?? []) t.deepEqual(c.abis, ['x86_64'], c.subject);
  t.regex(r.err, /HEAD:include\/uapi\/linux\/arch\.h:8:8: warning IMPORT_TARGET_DEPENDENT: HEAD:include\/uapi\/linux\/arch\.h: /);
});

// A kernel tree with its own base headers and per-architecture asm/: each side must be compiled
// against the whole uAPI tree of its own revision (as check-uapi.sh does after `make headers_install`),
// never against the host's headers, even when only one path is checked.
function write(top: string, rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(top, rel)), { recursive: true });
  fs.writeFileSync(path.join(top, rel), text);
}

const TYPES = (word: string): string => `#ifndef _UAPI_LINUX_TYPES_H
#define _UAPI_LINUX_TYPES_H
typedef unsigned int __u32;
typedef unsigned long long __u64;
typedef ${word} __demo_word;
#endif
`;

const ARCH_ASM = (value: number): string => `#ifndef _UAPI_ASM_DEMO_H\n#define _UAPI_ASM_DEMO_H\n#define DEMO_ARCH_VALUE ${value}\n#endif\n`;

function archTree(): string {
  const top = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-kernel-arch-'));
  sh(top, 'init', '-q');
  sh(top, 'config', 'user.email', 'ci@example.invalid');
  sh(top, 'config', 'user.name', 'ci');
  write(top, 'include/uapi/linux/types.h', TYPES('__u32'));
  write(top, 'include/uapi/asm-generic/posix_demo.h', '#define DEMO_GENERIC 1\n');
  write(top, 'arch/x86/include/uapi/asm/demo.h', ARCH_ASM(1));
  write(top, 'arch/arm64/include/uapi/asm/demo.h', ARCH_ASM(2));
  write(top, 'include/uapi/linux/demo.h', '#ifndef _UAPI_LINUX_DEMO_H\n#define _UAPI_LINUX_DEMO_H\n#include <linux/types.h>\n#include <asm/demo.h>\nstruct demo_word { __demo_word w; __u32 tail; };\n#define DEMO_KIND 7\n#endif\n');
  sh(top, 'add', '-A');
  sh(top, 'commit', '-qm', 'base');
  return top;
}

test('installed headers: include/uapi at the top, each arch\'s asm/ under its ABIs\' multiarch folders, generic-y wrappers', (t) => {
  const top = archTree();
  // linux-libc-dev links its multiarch asm/ headers elsewhere: a link is installed as the file it names.
  write(top, 'lib/real.h', '#define REAL 1\n');
  fs.symlinkSync('../../../../../lib/real.h', path.join(top, 'arch/arm64/include/uapi/asm/linked.h'));
  fs.symlinkSync('../../../../../lib/none.h', path.join(top, 'arch/arm64/include/uapi/asm/dangling.h'));
  const dest = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-installed-')), 'include');
  const r = installUapiHeaders(top, dest);
  const read = (rel: string): string => fs.readFileSync(path.join(dest, rel), 'utf8');
  t.is(read('linux/types.h'), TYPES('__u32'));
  t.is(read('x86_64-linux-gnu/asm/demo.h'), ARCH_ASM(1));
  t.is(read('i386-linux-gnu/asm/demo.h'), ARCH_ASM(1));
  t.is(read('aarch64-linux-gnu/asm/demo.h'), ARCH_ASM(2));
  t.false(fs.existsSync(path.join(dest, 'riscv64-linux-gnu')), 'no arch/riscv: its ABI keeps the target shim');
  t.is(read('aarch64-linux-gnu/asm/posix_demo.h'), '#include <asm-generic/posix_demo.h>\n');
  t.is(read('aarch64-linux-gnu/asm/linked.h'), '#define REAL 1\n');
  t.false(fs.existsSync(path.join(dest, 'aarch64-linux-gnu/asm/dangling.h')));
  t.is(r.sources.get('i386-linux-gnu/asm/demo.h'), 'arch/x86/include/uapi/asm/demo.h');
  t.is(r.sources.get('x86_64-linux-gnu/asm/posix_demo.h'), 'include/uapi/asm-generic/posix_demo.h');
  t.is(r.sources.get('linux/demo.h'), 'include/uapi/linux/demo.h');
  t.is(installUapiHeaders(top, `${dest}-again`).digest, r.digest, 'the same tree installs to the same digest');
});

test('check-tree: a checked path is compiled against its revision\'s whole uAPI tree, asm/ per ABI, not the host\'s', async (t) => {
  const top = archTree();
  // The base type changes in a header that is not among the checked paths; the checked header takes its
  // constant from asm/demo.h, which says something else on x86 and arm64.
  write(top, 'include/uapi/linux/types.h', TYPES('__u64'));
  write(top, 'include/uapi/linux/demo.h', fs.readFileSync(path.join(top, 'include/uapi/linux/demo.h'), 'utf8').replace('DEMO_KIND 7', 'DEMO_KIND DEMO_ARCH_VALUE'));
  sh(top, 'commit', '-qam', 'wider word, per-arch kind');
  const r = await runCliCaptured(['check-tree', '-b', 'HEAD', '-p', 'HEAD^1', '--abi', 'x86_64,i386,aarch64', '--format', 'json', 'include/uapi/linux/demo.h'], { cwd: top });
  t.is(r.code, 1, r.err);
  const json = JSON.parse(r.out) as { headers: { path: string; changes: { rule: string; subject: string; abis: string[]; old: unknown; new: unknown; location?: { file: string } }[] }[] };
  t.deepEqual(json.headers.map((h) => h.path), ['include/uapi/linux/demo.h']);
  const changes = json.headers[0]?.changes ?? [];
  const kind = changes.filter((c) => c.subject === 'constant DEMO_KIND').map((c) => ({ abis: c.abis, old: c.old, new: c.new }));
  t.deepEqual(kind, [{ abis: ['x86_64', 'i386'], old: 7, new: 1 }, { abis: ['aarch64'], old: 7, new: 2 }], JSON.stringify(changes.filter((c) => c.subject === 'constant DEMO_KIND')));
  t.true(changes.some((c) => c.subject.startsWith('struct demo_word') && c.rule !== 'CONSTANT_VALUE_CHANGED'), 'the word from the revision\'s own linux/types.h grew');
  for (const c of changes) if (c.location !== undefined) t.regex(c.location.file, /^HEAD(\^1)?:include\/uapi\//, c.rule);
});

test('diff REF:path of a kernel tree\'s uAPI header reads that revision\'s whole tree; a header on disk its installed tree', async (t) => {
  const top = archTree();
  write(top, 'include/uapi/linux/types.h', TYPES('__u64'));
  write(top, 'include/uapi/linux/demo.h', fs.readFileSync(path.join(top, 'include/uapi/linux/demo.h'), 'utf8').replace('DEMO_KIND 7', 'DEMO_KIND DEMO_ARCH_VALUE'));
  sh(top, 'commit', '-qam', 'wider word, per-arch kind');
  const d = await runCliCaptured(['diff', 'HEAD^1:include/uapi/linux/demo.h', 'HEAD:include/uapi/linux/demo.h', '--abi', 'x86_64,aarch64', '--format', 'json'], { cwd: top });
  t.is(d.code, 1, d.err);
  t.regex(d.err, /info INCLUDE_OWN_TREE: HEAD\^1:include\/uapi\/linux\/demo\.h: includes are read from the header's own tree .* at HEAD\^1, its uAPI headers installed/);
  const json = JSON.parse(d.out) as { changes: { subject: string; abis: string[]; new: unknown }[] };
  t.deepEqual(json.changes.filter((c) => c.subject === 'constant DEMO_KIND').map((c) => [c.abis, c.new]), [[['x86_64'], 1], [['aarch64'], 2]]);
  const l = await runCliCaptured(['layout', path.join(top, 'include/uapi/linux/demo.h'), '--abi', 'aarch64', '--format', 'json'], { cwd: top });
  t.is(l.code, 0, l.err);
  const layout = JSON.parse(l.out) as { layouts: { constants: { name: string; value: unknown }[]; types: { name: string; size: number }[] }[] };
  t.deepEqual(layout.layouts[0]?.constants.find((c) => c.name === 'DEMO_KIND')?.value, 2);
  t.is(layout.layouts[0]?.types.find((x) => x.name === 'demo_word')?.size, 16);
});
