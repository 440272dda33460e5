import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Abi } from '../../core/layout/abi';
import { IOCTL_ENCODINGS } from '../../core/layout/ioctl-encoding';
import { cacheRoot, sha256 } from './content-cache';

/** Where the kernel's installed uAPI headers are (Debian's linux-libc-dev). */
export const SYSTEM_INCLUDE_DIR = '/usr/include';

/** Debian multiarch folder names, under which linux-libc-dev puts each architecture's asm/ headers. */
const MULTIARCH: Readonly<Record<string, string>> = {
  x86_64: 'x86_64-linux-gnu', i386: 'i386-linux-gnu', aarch64: 'aarch64-linux-gnu', arm: 'arm-linux-gnueabihf',
  riscv64: 'riscv64-linux-gnu', ppc64le: 'powerpc64le-linux-gnu', s390x: 's390x-linux-gnu', mips: 'mips-linux-gnu',
  m68k: 'm68k-linux-gnu',
};

const MULTIARCH_NAMES = new Set(Object.values(MULTIARCH));

/** The Debian multiarch folder of an ABI (`aarch64-linux-gnu`), where its asm/ headers go. */
export function multiarchFolderOf(abiName: string): string | undefined {
  return MULTIARCH[abiName];
}

/** The ABI whose Debian multiarch folder a file is in (`.../x86_64-linux-gnu/asm/fcntl.h` → x86_64), if any. */
export function abiOfMultiarchFile(file: string): string | undefined {
  const parts = file.split(path.sep);
  return Object.entries(MULTIARCH).find(([, folder]) => parts.includes(folder))?.[0];
}

/**
 * How a header found in an include folder depends on the target. `per-target`: the folder is a
 * multiarch folder (`.../x86_64-linux-gnu`) and another target's multiarch folder beside it has a file
 * of that name, which may say something else (linux-libc-dev installs every architecture's asm/ so).
 * `host-only`: only the host's multiarch folder has it (glibc's sys/types.h): other targets cannot
 * compile a header that needs it at all. `shared`: any other folder; the target shims forward to
 * asm-generic alike for every target.
 */
export function targetDependenceOf(dir: string, name: string, isFile: (p: string) => boolean): 'per-target' | 'host-only' | 'shared' {
  const own = path.basename(dir);
  if (!MULTIARCH_NAMES.has(own)) return 'shared';
  const parent = path.dirname(dir);
  for (const other of MULTIARCH_NAMES) if (other !== own && isFile(path.join(parent, other, name))) return 'per-target';
  return 'host-only';
}

/**
 * The other targets' multiarch folders beside each multiarch folder of `dirs`: what decides, beyond
 * the files' contents, which headers {@link targetDependenceOf} calls per-target (a cache key part).
 */
export function multiarchSiblings(dirs: readonly string[]): string[] {
  const out: string[] = [];
  for (const d of dirs) {
    if (!MULTIARCH_NAMES.has(path.basename(d))) continue;
    for (const other of MULTIARCH_NAMES) if (fs.existsSync(path.join(path.dirname(d), other))) out.push(path.join(path.dirname(d), other));
  }
  return out;
}

const hasAsm = (dir: string): boolean => fs.existsSync(path.join(dir, 'asm'));

/**
 * The asm/ headers a uAPI header reaches through <linux/types.h> and <asm/ioctl.h> are per
 * architecture. A cross compile has no sysroot, so when no real asm/ folder exists for the target
 * this shim stands in: each asm/X.h forwards to asm-generic/X.h, except the few that differ per
 * ABI (word size, byte order, the ioctl field widths of the design doc's table).
 */
function shimFiles(abi: Abi, genericNames: readonly string[]): Map<string, string> {
  const files = new Map<string, string>();
  const note = `/* uapi-harness target shim for ${abi.name} (${abi.triple}); generated, do not edit. */\n`;
  for (const n of genericNames) files.set(n, `${note}#include <asm-generic/${n}>\n`);
  files.set('types.h', `${note}#include <asm-generic/int-ll64.h>\n`);
  files.set('bitsperlong.h', `${note}#ifndef __BITS_PER_LONG\n#define __BITS_PER_LONG ${abi.longBytes * 8}\n#endif\n#include <asm-generic/bitsperlong.h>\n`);
  files.set('byteorder.h', `${note}#include <linux/byteorder/${abi.endian}_endian.h>\n`);
  const e = IOCTL_ENCODINGS[abi.ioctl];
  files.set('ioctl.h', [
    note.trimEnd(),
    `#define _IOC_SIZEBITS ${e.sizeBits}`,
    `#define _IOC_DIRBITS ${e.dirBits}`,
    `#define _IOC_NONE ${e.none}U`,
    `#define _IOC_WRITE ${e.write}U`,
    `#define _IOC_READ ${e.read}U`,
    '#include <asm-generic/ioctl.h>',
    '',
  ].join('\n'));
  return files;
}

function genericHeaderNames(dirs: readonly string[]): string[] {
  const names = new Set<string>();
  for (const d of dirs) {
    let entries: string[] = [];
    try {
      entries = fs.readdirSync(path.join(d, 'asm-generic'));
    } catch {
      continue;
    }
    for (const e of entries) if (e.endsWith('.h')) names.add(e);
  }
  return [...names].sort();
}

const written = new Set<string>();

function shimDir(abi: Abi, searchDirs: readonly string[]): string {
  const files = shimFiles(abi, genericHeaderNames(searchDirs));
  const id = sha256(JSON.stringify([...files])).slice(0, 16);
  const dir = path.join(cacheRoot(), 'target-shim', `${abi.name}-${id}`);
  if (written.has(dir) || fs.existsSync(path.join(dir, 'asm', 'ioctl.h'))) {
    written.add(dir);
    return dir;
  }
  const tmp = `${dir}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  fs.mkdirSync(path.join(tmp, 'asm'), { recursive: true });
  for (const [n, text] of files) fs.writeFileSync(path.join(tmp, 'asm', n), text);
  try {
    fs.renameSync(tmp, dir);
  } catch {
    fs.rmSync(tmp, { recursive: true, force: true }); // another process made the same folder first
  }
  written.add(dir);
  return dir;
}

/**
 * Include search order for one ABI: the user's `-I` folders (each followed by its multiarch
 * folder when it holds the target's asm/, as in a linux-libc-dev tree), the system multiarch
 * folder, the target shim, then the system folder.
 */
export function targetIncludeDirs(abi: Abi, userDirs: readonly string[], systemDir: string = SYSTEM_INCLUDE_DIR): string[] {
  const multi = MULTIARCH[abi.name];
  const out: string[] = [];
  const add = (d: string): void => {
    const abs = path.resolve(d);
    if (!out.includes(abs)) out.push(abs);
  };
  for (const d of [...userDirs, systemDir]) {
    const isSystem = d === systemDir;
    if (!isSystem) add(d);
    if (multi !== undefined && hasAsm(path.join(d, multi))) add(path.join(d, multi));
    if (isSystem) {
      add(shimDir(abi, [...userDirs, systemDir]));
      add(d);
    }
  }
  return out;
}
