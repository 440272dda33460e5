import type { Abi } from '../layout/abi';

/**
 * The seam between the userspace side of an ioctl and whatever answers it. The ONE userspace caller
 * (harness/userspace) speaks only this interface; the emulated process (emulator/) implements it for
 * the emulated core, the native executor (a small C program, one real process per `Process`)
 * implements it with real system calls, and the `LD_PRELOAD` interposer serves the emulated core to
 * an unmodified binary through the same operations seen from the other side.
 *
 * Every operation is synchronous (the property suite and the runtime are) and returns an errno or a
 * value; none throws for anything a caller or a kernel can do. Errno numbers are Linux's positive
 * asm-generic numbers; 0 is success.
 */

/** 0 for success, otherwise a positive Linux errno number. */
export type Errno = number;

/** A value or an errno: what system calls that produce something return. */
export type SysResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errno: Errno };

/** What ioctl(2) returned: `errno` 0 and the call's non-negative return value, or the errno (value -1). */
export interface IoctlOutcome {
  readonly errno: Errno;
  /** The return value when `errno` is 0 (most ioctls return 0; some return a new descriptor or a count). */
  readonly value: number;
}

/** How a mapping is made: anonymous memory, read-write unless `writable` is false. */
export interface MapRequest {
  readonly writable?: boolean;
  /**
   * The mapping's first bytes (the rest is zero). The only way to fill a read-only mapping: a
   * backend writes them before it protects the pages (mmap, copy, mprotect).
   */
  readonly contents?: Uint8Array;
}

/** Which implementation stands behind a process (recorded in failure files and reports). */
export type BackendName = 'emulated' | 'native';

/**
 * One user process: an ABI, memory it owns, and the system calls a driver's userspace makes.
 * Mappings are surrounded by unmapped guard pages, so an address just outside one faults (EFAULT
 * from the kernel, an `EFAULT` result from `read`/`write`).
 */
export interface Process {
  readonly abi: Abi;
  readonly backend: BackendName;
  /** open(path, O_RDWR | `flags`): the new descriptor, or the errno (ENOENT, EACCES, ...). */
  open(path: string, flags?: number): SysResult<number>;
  /** ioctl(fd, request, arg); `arg` is an address in this process (or a plain integer argument). */
  ioctl(fd: number, request: number, arg: bigint | number): IoctlOutcome;
  close(fd: number): Errno;
  /** An anonymous mapping of `length` bytes (rounded up to pages), between guard pages: its address. */
  map(length: number, request?: MapRequest): SysResult<number>;
  /**
   * mmap(NULL, length, RW, MAP_SHARED, fd, offset): a device's memory (a command buffer) in this
   * process; its address. Optional: a backend without device mappings leaves it out and callers
   * answer ENODEV.
   */
  mmap?(fd: number, offset: bigint, length: number): SysResult<number>;
  /** Unmaps a mapping made by `map` or `mmap`, by its address. */
  unmap(address: number): Errno;
  /** Copies bytes into this process's memory; EFAULT when any byte is not mapped writable. */
  write(address: number, bytes: Uint8Array): Errno;
  /** Copies bytes out of this process's memory; EFAULT when any byte is not mapped. */
  read(address: number, length: number): SysResult<Uint8Array>;
  /** Ends the process: closes every descriptor, releases every mapping. Idempotent. */
  exit(): void;
}
