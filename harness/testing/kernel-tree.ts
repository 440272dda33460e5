import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// A small kernel-shaped git tree for kernel-tree mode's tests: include/uapi/linux/demo.h (a struct, a
// flag, an ioctl) and gone.h, committed, then a commit that touches no uAPI header.

export const HEADER = (fields: string, extra = ''): string => `/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
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

export function sh(cwd: string, ...args: string[]): void {
  execFileSync('git', args, { cwd, stdio: 'ignore' });
}

export function kernelTree(): string {
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

