import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * One running executor and the synchronous request/response channel to it. The property suite is
 * synchronous, so the channel is two FIFOs read and written with fs.readSync/fs.writeSync: a call
 * blocks in the kernel until the executor answers, with no polling and no process per call.
 *
 * Wiring (every step non-blocking, so a child that fails to start cannot hang the harness): the
 * harness opens both FIFOs read-write (Linux lets that open return at once), hands them to the child
 * as stdin and stdout, opens its own ends (a write end on the request FIFO, a read end on the response
 * FIFO: each finds a peer already open), then closes the read-write descriptors and removes the FIFOs'
 * names. From then on the child holds the only read end of the requests and the only write end of the
 * responses: when it dies, the harness's next write fails with EPIPE or its read returns end of file.
 */

/** Operation codes of the protocol, as executor.c numbers them. */
export const OP = { hello: 0, map: 1, unmap: 2, write: 3, read: 4, open: 5, ioctl: 6, close: 7, exit: 8 } as const;
export type Op = (typeof OP)[keyof typeof OP];

/** What OP_HELLO answers: the protocol this module speaks. */
export const GREETING = 'uapi-executor 1';

/** One answer: errno (0 or positive), the value, and any bytes. */
export interface Reply {
  readonly errno: number;
  readonly value: bigint;
  readonly payload: Buffer;
}

const little = os.endianness() === 'LE';

export class ExecutorChannel {
  readonly pid: number;
  /** Why the executor is gone (end of file, broken pipe), once it is. */
  gone: string | undefined;
  private readonly child: ChildProcess;
  private writeFd: number;
  private readFd: number;
  private readonly head = Buffer.alloc(16);

  private constructor(child: ChildProcess, writeFd: number, readFd: number) {
    this.child = child;
    this.pid = child.pid ?? -1;
    this.writeFd = writeFd;
    this.readFd = readFd;
  }

  /** Starts `executable` and connects to it; a message when it cannot (never throws). */
  static start(executable: string, timeoutSeconds: number): ExecutorChannel | string {
    let dir: string | undefined;
    const opened: number[] = [];
    try {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-executor-'));
      const requests = path.join(dir, 'requests');
      const replies = path.join(dir, 'replies');
      const made = spawnSync(executable, ['mkfifo', requests, replies], { stdio: 'ignore' });
      if (made.error !== undefined || made.status !== 0) return `${executable} could not make its FIFOs in ${dir}: ${made.error?.message ?? `exit ${made.status}`}`;
      const reqRw = fs.openSync(requests, fs.constants.O_RDWR);
      opened.push(reqRw);
      const repRw = fs.openSync(replies, fs.constants.O_RDWR);
      opened.push(repRw);
      const child = spawn(executable, [String(Math.max(0, Math.floor(timeoutSeconds)))], { stdio: [reqRw, repRw, 'ignore'] });
      child.on('error', () => undefined); // a start failure shows as EOF below, never as an uncaught event
      if (child.pid === undefined) return `${executable} did not start`;
      child.unref();
      const writeFd = fs.openSync(requests, fs.constants.O_WRONLY);
      opened.push(writeFd);
      const readFd = fs.openSync(replies, fs.constants.O_RDONLY);
      opened.push(readFd);
      fs.closeSync(reqRw);
      fs.closeSync(repRw);
      opened.splice(0, 2);
      return new ExecutorChannel(child, writeFd, readFd);
    } catch (e) {
      for (const fd of opened) fs.closeSync(fd);
      return `cannot connect to the executor: ${(e as Error).message}`;
    } finally {
      if (dir !== undefined) fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  /** Sends one request and waits for its answer; `undefined` when the executor is gone (see `gone`). */
  call(op: Op, payload: Uint8Array = new Uint8Array(0)): Reply | undefined {
    if (this.gone !== undefined) return undefined;
    const head = Buffer.alloc(8);
    writeU32(head, 0, op);
    writeU32(head, 4, payload.length);
    try {
      writeAll(this.writeFd, head);
      writeAll(this.writeFd, payload);
      if (!readAll(this.readFd, this.head)) return this.lost('ended (end of file on its replies)');
      const errno = little ? this.head.readInt32LE(0) : this.head.readInt32BE(0);
      const length = little ? this.head.readUInt32LE(4) : this.head.readUInt32BE(4);
      const value = little ? this.head.readBigInt64LE(8) : this.head.readBigInt64BE(8);
      const body = Buffer.alloc(length);
      if (!readAll(this.readFd, body)) return this.lost('ended in the middle of a reply');
      return { errno, value, payload: body };
    } catch (e) {
      return this.lost(`broke the channel (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  }

  /** Asks the executor to exit, then closes the harness's ends. Idempotent. */
  close(): void {
    if (this.gone === undefined) this.call(OP.exit);
    this.release('exited');
  }

  /** Ends the executor with SIGKILL (tests of a crash; cleanup). */
  kill(): void {
    try {
      this.child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }

  private lost(why: string): undefined {
    this.release(`the executor (pid ${this.pid}) ${why}`);
    return undefined;
  }

  private release(why: string): void {
    this.gone ??= why;
    for (const fd of [this.writeFd, this.readFd]) {
      try {
        if (fd >= 0) fs.closeSync(fd);
      } catch {
        // closed already
      }
    }
    this.writeFd = -1;
    this.readFd = -1;
  }
}

/** A request payload of 64-bit and 32-bit fields in host byte order, then optional bytes. */
export function payloadOf(fields: readonly (readonly ['u32' | 'u64', number | bigint])[], tail?: Uint8Array): Buffer {
  const size = fields.reduce((n, [k]) => n + (k === 'u64' ? 8 : 4), 0);
  const out = Buffer.alloc(size + (tail?.length ?? 0));
  let at = 0;
  for (const [kind, v] of fields) {
    if (kind === 'u64') {
      const b = BigInt.asUintN(64, BigInt(v));
      if (little) out.writeBigUInt64LE(b, at);
      else out.writeBigUInt64BE(b, at);
      at += 8;
    } else {
      writeU32(out, at, Number(BigInt.asUintN(32, BigInt(v))));
      at += 4;
    }
  }
  if (tail !== undefined) out.set(tail, at);
  return out;
}

function writeU32(b: Buffer, at: number, v: number): void {
  if (little) b.writeUInt32LE(v, at);
  else b.writeUInt32BE(v, at);
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let done = 0;
  while (done < bytes.length) done += fs.writeSync(fd, bytes, done, bytes.length - done);
}

function readAll(fd: number, into: Buffer): boolean {
  let done = 0;
  while (done < into.length) {
    const n = fs.readSync(fd, into, done, into.length - done, null);
    if (n === 0) return false;
    done += n;
  }
  return true;
}
