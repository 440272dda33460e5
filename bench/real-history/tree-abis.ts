import * as path from 'node:path';
import { targetIncludeDirs } from '../../harness/frontend/clang/target-includes';
import { ABIS, DEFAULT_ABI_NAMES } from '../../harness/core/layout/abi';

const DEFAULT_ABIS = ABIS.filter((a) => DEFAULT_ABI_NAMES.includes(a.name));

/** The default ABIs whose own asm/ the tree carries (its multiarch folder is on the ABI's search path). */
export function abisWithAsm(tree: string): string[] {
  return DEFAULT_ABIS.filter((abi) => targetIncludeDirs(abi, [tree]).some((d) => d.startsWith(`${path.resolve(tree)}${path.sep}`))).map((a) => a.name);
}

/**
 * The ABIs a pair is compared on: those both trees carry asm/ for. Where one side has an
 * architecture's real asm/ and the other only the generic shim or the host's, the two layouts differ
 * for want of data, not because the kernel changed (Debian's 5.10 lacks ppc64el, s390x and mips as
 * served, 5.10 and 6.1 lack riscv64): such ABIs are left out and the report says so.
 */
export function comparableAbis(oldTree: string, newTree: string): { abis: string[]; left: string[] } {
  const a = new Set(abisWithAsm(oldTree));
  const b = new Set(abisWithAsm(newTree));
  return { abis: DEFAULT_ABI_NAMES.filter((n) => a.has(n) && b.has(n)), left: DEFAULT_ABI_NAMES.filter((n) => !a.has(n) || !b.has(n)) };
}
