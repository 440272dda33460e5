import type { Errno, SysResult } from './process';

export type { Errno, SysResult } from './process';

/**
 * errno values as Linux numbers them in asm-generic (x86, arm, arm64, riscv, s390). Every `Process`
 * (the emulated kernel's ioctl entry, the native executor) returns these positive numbers; 0 is
 * success. (MIPS, Alpha, SPARC and PA-RISC number some of them differently; the emulator speaks the
 * generic numbering for every ABI.)
 */
export const E = {
  EPERM: 1,
  ENOENT: 2,
  EINTR: 4,
  EIO: 5,
  ENXIO: 6,
  E2BIG: 7,
  EBADF: 9,
  EAGAIN: 11,
  ENOMEM: 12,
  EACCES: 13,
  EFAULT: 14,
  EBUSY: 16,
  EEXIST: 17,
  ENODEV: 19,
  EINVAL: 22,
  EMFILE: 24,
  ENOTTY: 25,
  ENOSPC: 28,
  ERANGE: 34,
  EOVERFLOW: 75,
  EOPNOTSUPP: 95,
  ETIMEDOUT: 110,
} as const;

export type ErrnoName = keyof typeof E;

const names = new Map<number, ErrnoName>(Object.entries(E).map(([k, v]) => [v, k as ErrnoName]));

/** `EINVAL` for 22; `OK` for 0; `E?<n>` for a number this table does not know. */
export function errnoName(n: Errno): string {
  if (n === 0) return 'OK';
  return names.get(n) ?? `E?${n}`;
}

/** The number of an errno name (as a spec writes it), or undefined when the table does not know it. */
export function errnoByName(name: string): Errno | undefined {
  return Object.prototype.hasOwnProperty.call(E, name) ? E[name as ErrnoName] : undefined;
}

export const ok = <T>(value: T): SysResult<T> => ({ ok: true, value });
export const fail = <T = never>(errno: Errno): SysResult<T> => ({ ok: false, errno });
