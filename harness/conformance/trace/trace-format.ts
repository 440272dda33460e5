/**
 * A golden ioctl trace: what a release's userspace did to the emulated core and what the core
 * answered, call by call, bytes in hex. It is a list of sessions (one device and its processes,
 * fresh for each: one property run builds one, or two for an ABI pair); each session is a list of
 * system calls and user memory writes. Identical steps (the stage every run starts with) are
 * stored once in `steps` and referred to by index, which keeps a trace of thousands of calls small.
 */

/** The file's format tag: a reader refuses any other. */
export const TRACE_FORMAT = 'uapi-harness-trace/1';
/** The trace's file name inside a release folder. */
export const TRACE_FILE = 'trace.json';

/** Process `p` (index into the session's processes) calls or writes; `rc` is what it got back. */
export type TraceStep =
  /** open() of the device: the descriptor, or -errno. */
  | { readonly op: 'open'; readonly p: number; readonly mode: 'compute' | 'control'; readonly rc: number }
  | { readonly op: 'close'; readonly p: number; readonly fd: number; readonly rc: number }
  /** ioctl(fd, req, arg): the errno (0 or positive) and every write of the kernel into user memory. */
  | { readonly op: 'ioctl'; readonly p: number; readonly fd: number; readonly req: string; readonly arg: string; readonly rc: number; readonly writes: readonly TraceWrite[] }
  /** mmap of a device handle: the address, or -errno. */
  | { readonly op: 'mmap'; readonly p: number; readonly fd: number; readonly offset: string; readonly length: number; readonly rc: number }
  /** Anonymous memory, optionally at a fixed place, read-only, or with initial contents. */
  | { readonly op: 'map'; readonly p: number; readonly length: number; readonly at?: number; readonly writable: boolean; readonly init?: string; readonly rc: number }
  | { readonly op: 'unmap'; readonly p: number; readonly address: number; readonly rc: number }
  /** Userspace writes its own memory (argument structs, buffers); rc 1 when it could, 0 when not. */
  | { readonly op: 'write'; readonly p: number; readonly address: number; readonly bytes: string; readonly rc: number }
  | { readonly op: 'signal'; readonly p: number; readonly rc: 0 };

/** The kernel wrote `bytes` (compact hex) at `address` of the caller's memory. */
export interface TraceWrite {
  readonly address: number;
  readonly bytes: string;
}

export interface TraceSession {
  /** The suite property (and ABI) whose run made the session. */
  readonly property: string;
  readonly abi: string;
  readonly processes: number;
  /** The device configuration the session ran on (JSON of the emulator's DeviceConfig). */
  readonly config: unknown;
  /** Indices into {@link Trace.steps}. */
  readonly steps: readonly number[];
}

export interface Trace {
  readonly format: typeof TRACE_FORMAT;
  readonly uapi: string;
  /** The release whose userspace made the calls (its spec gives the request numbers and layouts). */
  readonly version: string;
  /** The spec version of the core that answered when the trace was recorded. */
  readonly recordedOn: string;
  readonly seed: number;
  readonly runs: number;
  /** The suite properties that ran (and why the others did not go into the trace: see TRACED). */
  readonly properties: readonly string[];
  readonly abis: readonly string[];
  /** Total ioctls over all sessions. */
  readonly ioctls: number;
  readonly sessions: readonly TraceSession[];
  readonly steps: readonly TraceStep[];
}
