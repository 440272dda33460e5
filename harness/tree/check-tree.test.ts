import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'ava';
import { runCliCaptured } from '../testing/run-cli-captured';

const HEADER = (fields: string, extra = ''): string => `/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
#ifndef _UAPI_DEMO_H
#define _UAPI_DEMO_H
#include <linux/types.h>
#include <linux/ioctl.h>
struct demo_args {
${fields}
};
#define DEMO_FLAG_A 0x1
${extra}
#define DEMO_IOCTL _IOWR('D', 1, struct demo_args)
#endif
`;

function sh(cwd: string, ...args: string[]): void {
  execFileSync('git', args, { cwd, stdio: 'ignore' });
}

function kernelTree(): string {
  const top = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-kernel-'));
  sh(top, 'init', '-q');
  sh(top, 'config', 'user.email', 'ci@example.invalid');
  sh(top, 'config', 'user.name', 'ci');
  fs.mkdirSync(path.join(top, 'include', 'uapi', 'linux'), { recursive: true });
  fs.writeFileSync(path.join(top, 'include', 'uapi', 'linux', 'demo.h'), HEADER('\t__u64 handle;\n\t__u32 size;\n\t__u32 pad;'));
  fs.writeFileSync(path.join(top, 'include', 'uapi', 'linux', 'gone.h'), '#ifndef G\n#define G\n#define GONE_VALUE 3\n#endif\n');
  fs.writeFileSync(path.join(top, 'README'), 'tree\n');
  sh(top, 'add', '-A');
  sh(top, 'commit', '-qm', 'base');
  fs.writeFileSync(path.join(top, 'README'), 'tree, edited\n');
  sh(top, 'commit', '-qam', 'no uAPI change');
  return top;
}

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
  t.like(json, { verdict: 'compatible', base: 'worktree', past: 'HEAD' });
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
