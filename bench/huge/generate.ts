import { CANONICAL_FORMAT } from '../../harness/core/model/canonical';

// The huge inputs of issue 13, generated (too big to commit): each is built line by line into an array
// joined once, and each comes with the values a correct import must give, to check the output by.

const TEN_MB = 10 * 1024 * 1024;

/** Lines until their size (with newlines) reaches `bytes`; `line(i)` gives the i-th block of lines. */
function linesUpTo(bytes: number, head: readonly string[], line: (i: number) => readonly string[]): { text: string; blocks: number } {
  const out = [...head];
  let size = out.reduce((n, l) => n + l.length + 1, 0);
  let blocks = 0;
  while (size < bytes) {
    for (const l of line(blocks)) {
      out.push(l);
      size += l.length + 1;
    }
    blocks += 1;
  }
  out.push('#endif');
  return { text: `${out.join('\n')}\n`, blocks };
}

/** The value of `#define BIG_CONSTANT_NUMBER_<i>` in {@link definesHeader}: a 32-bit hash of i. */
export const defineValue = (i: number): bigint => (BigInt(i) * 2654435761n) & 0xffffffffn;

/** A 10 MB header of `#define`s only: about 228,000 integer constants (the probe's worst case). */
export function definesHeader(): { text: string; count: number } {
  const r = linesUpTo(TEN_MB, ['/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */', '#ifndef BIG_DEFINES_H', '#define BIG_DEFINES_H'],
    (i) => [`#define BIG_CONSTANT_NUMBER_${String(i).padStart(6, '0')} 0x${defineValue(i).toString(16).padStart(8, '0')}`]);
  return { text: r.text, count: r.blocks };
}

/**
 * A 10 MB header of about 41,000 blocks, each a struct, an enum, an ioctl on that struct and a flag:
 * block i has `enum big_e<i>` with BIG_E<i>_C = 3i, `BIG_IOC_<i>` with nr i % 256, `BIG_FLAG_<i>` 1 << (i % 32).
 */
export function mixedHeader(): { text: string; count: number } {
  const r = linesUpTo(TEN_MB, ['/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */', '#ifndef BIG_MIXED_H', '#define BIG_MIXED_H', '#include <linux/types.h>', '#include <linux/ioctl.h>', ''],
    (i) => [
      `struct big_s${i} { __u32 handle; __u32 flags; __u64 addr; __u8 pad[${i % 8}]; __u8 tail[${8 - (i % 8)}]; };`,
      `enum big_e${i} { BIG_E${i}_A = ${i}, BIG_E${i}_B, BIG_E${i}_C = ${i * 3} };`,
      `#define BIG_IOC_${i} _IOWR('d', ${i % 256}, struct big_s${i})`,
      `#define BIG_FLAG_${i} (1U << ${i % 32})`,
    ]);
  return { text: r.text, count: r.blocks };
}

/** A canonical spec.json of `count` structs `s<i> { __u32 a; __u64 b; }` (18 MB for 100,000). */
export function bigSpecJson(count: number): string {
  const member = (name: string, type: string): string => `{ "name": "${name}", "type": { "kind": "scalar", "name": "${type}" } }`;
  const records: string[] = [];
  for (let i = 0; i < count; i++) records.push(`    { "kind": "struct", "name": "s${i}", "members": [${member('a', '__u32')}, ${member('b', '__u64')}] }`);
  return `{\n  "format": "${CANONICAL_FORMAT}",\n  "name": "big",\n  "version": "1.0.0",\n  "records": [\n${records.join(',\n')}\n  ],\n  "enums": [], "constants": [], "groups": [], "ioctls": []\n}\n`;
}

/** `NAME: value,` lines of a spec.ts written by `uapi import`, by name (constants and enumerators). */
export function writtenValues(specTs: string): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const m of specTs.matchAll(/^\s+([A-Z_][A-Z0-9_]*): (-?)(0x[0-9a-f]+|\d+),/gm)) {
    const v = BigInt(m[3] as string);
    out.set(m[1] as string, m[2] === '-' ? -v : v);
  }
  return out;
}
