import * as fs from 'node:fs';

/**
 * The interposer's channel, Node's half (interposer.c holds the same numbers): two FIFOs, one the
 * program writes (requests, and answers to memory requests) and one it reads (memory requests and
 * each call's result). A message is a header of two little-endian u32, kind and payload length, then
 * the payload. Everything is synchronous: Node blocks in readSync while the program runs, and the
 * program blocks while Node's emulated driver runs.
 */
export const MSG = {
  // program → Node
  HELLO: 1, OPEN: 2, IOCTL: 3, CLOSE: 4, MMAP: 5, MUNMAP: 6,
  /** Written by the wrapper shell after the program ended: its exit status as 3 digits and a newline. */
  EXIT: 9,
  MEMDATA: 16, MEMRC: 17, REGION_INFO: 18,
  // Node → program
  DONE: 100, READ: 101, WRITE: 102, REGION: 103, ACCESS: 104,
} as const;

/** Largest read or write of program memory in one message (the C side's buffer holds a little more). */
export const MAX_CHUNK = 64 * 1024;

export interface Message {
  readonly kind: number;
  readonly payload: Buffer;
}

/** The program went away in the middle of an exchange (crashed, killed, or not using the protocol). */
export class ChannelClosed extends Error {}

export class Channel {
  private readonly requestFd: number;
  private replyFd: number | undefined;
  private readonly replyPath: string;

  constructor(requestFd: number, replyPath: string) {
    this.requestFd = requestFd;
    this.replyPath = replyPath;
  }

  /** Opens Node's writing end of the reply FIFO (the program opens its end right after HELLO). */
  openReply(): void {
    if (this.replyFd === undefined) this.replyFd = fs.openSync(this.replyPath, 'w');
  }

  /** The next message, or undefined at the end of the stream (every writer gone). */
  next(): Message | undefined {
    const head = this.readExactly(8);
    if (head === undefined) return undefined;
    const payload = this.readExactly(head.readUInt32LE(4));
    if (payload === undefined) throw new ChannelClosed('the program ended in the middle of a message');
    return { kind: head.readUInt32LE(0), payload };
  }

  send(kind: number, payload: Uint8Array): void {
    if (this.replyFd === undefined) throw new ChannelClosed('the program never said hello');
    const head = Buffer.alloc(8);
    head.writeUInt32LE(kind, 0);
    head.writeUInt32LE(payload.length, 4);
    writeAll(this.replyFd, head);
    if (payload.length > 0) writeAll(this.replyFd, payload);
  }

  /** Sends a request and returns the payload of the answer, which must be of kind `expect`. */
  ask(kind: number, payload: Uint8Array, expect: number): Buffer {
    this.send(kind, payload);
    const m = this.next();
    if (m === undefined) throw new ChannelClosed('the program ended during a call');
    if (m.kind !== expect) throw new ChannelClosed(`expected message ${expect}, got ${m.kind}`);
    return m.payload;
  }

  /** Ends the call the program waits for with its result (a value, or -errno). */
  done(value: number): void {
    const p = Buffer.alloc(8);
    p.writeBigInt64LE(BigInt(value));
    this.send(MSG.DONE, p);
  }

  close(): void {
    for (const fd of [this.requestFd, this.replyFd]) {
      if (fd === undefined) continue;
      try {
        fs.closeSync(fd);
      } catch {
        // already closed
      }
    }
    this.replyFd = undefined;
  }

  private readExactly(n: number): Buffer | undefined {
    const out = Buffer.alloc(n);
    let at = 0;
    while (at < n) {
      const r = fs.readSync(this.requestFd, out, at, n - at, null);
      if (r === 0) return undefined;
      at += r;
    }
    return out;
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let at = 0;
  try {
    while (at < bytes.length) at += fs.writeSync(fd, bytes, at, bytes.length - at);
  } catch (e) {
    // EPIPE: the program is gone (Node ignores SIGPIPE, so the write fails instead).
    throw new ChannelClosed(`the program stopped reading: ${(e as Error).message}`);
  }
}
