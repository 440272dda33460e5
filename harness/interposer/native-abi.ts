import { issue, type Issue } from '../core/diagnostics/issue';
import type { Abi } from '../core/layout/abi';

/**
 * The ABIs whose programs this machine runs natively, with the compiler flags that build for them:
 * an x86_64 host runs x86_64 and i386 (`-m32`, which needs Debian's gcc-multilib) programs. Other
 * ABIs would need a cross compiler and qemu-user (not done yet).
 */
const HOST_ABIS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  x64: { x86_64: ['-m64'], i386: ['-m32'] },
  arm64: { aarch64: [] },
};

export function abiFlags(abi: Abi): { flags?: readonly string[]; issues: Issue[] } {
  const flags = HOST_ABIS[process.arch]?.[abi.name];
  if (flags !== undefined) return { flags, issues: [] };
  return { issues: [issue('ABI_NOT_NATIVE', abi.name, `programs for ${abi.name} do not run on this ${process.arch} machine (no cross compiler and qemu-user support yet)`)] };
}
