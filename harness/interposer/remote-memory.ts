import { AddressSpace, PAGE_SIZE, type Region } from '../../emulator/process/address-space';
import { MAX_CHUNK, MSG, type Channel } from './protocol';

/** A range of the program's memory the emulated device holds a copy of, kept in step around every call. */
interface Mirror {
  readonly start: number;
  /** What the device reads and writes: a pinned host range, or a device buffer the program mmapped. */
  readonly bytes: Uint8Array;
  /** The program's bytes as last read, to write back only what the device changed. */
  seen: Uint8Array;
}

/**
 * The address space of a real program, seen by the emulated kernel through the interposer: copy in
 * and out are reads and writes the program makes on itself after checking its own mappings, so an
 * unmapped or read-only byte is EFAULT as in the kernel (all or nothing, as `AddressSpace` promises).
 *
 * The device also reaches user memory outside a call: host memory mapped into its MMU (the driver
 * pins those pages) and command buffers the program mmapped. Those ranges are mirrored: read from
 * the program before every call, written back after it where the device changed them (the program
 * is blocked in the call meanwhile, and the device only runs inside calls, on its virtual clock).
 */
export class RemoteAddressSpace extends AddressSpace {
  private readonly channel: Channel;
  private readonly mirrors = new Map<number, Mirror>();

  constructor(channel: Channel, pointerBytes: 4 | 8) {
    super(pointerBytes);
    this.channel = channel;
  }

  override accessible(addr: number, length: number, write: boolean): boolean {
    if (!Number.isSafeInteger(addr) || addr < 0 || length < 0 || addr + length > this.limit) return false;
    const p = Buffer.alloc(20);
    p.writeBigUInt64LE(BigInt(addr), 0);
    p.writeBigUInt64LE(BigInt(length), 8);
    p.writeUInt32LE(write ? 1 : 0, 16);
    return this.channel.ask(MSG.ACCESS, p, MSG.MEMRC).readInt32LE(0) === 0;
  }

  override copyIn(addr: number, dst: Uint8Array, dstOffset: number, length: number): boolean {
    if (length === 0) return true;
    if (length > MAX_CHUNK && !this.accessible(addr, length, false)) return false;
    for (let at = 0; at < length; at += MAX_CHUNK) {
      const bytes = this.readChunk(addr + at, Math.min(MAX_CHUNK, length - at));
      if (bytes === undefined) return false;
      dst.set(bytes, dstOffset + at);
    }
    return true;
  }

  override copyOut(addr: number, src: Uint8Array, srcOffset: number, length: number): boolean {
    if (length === 0) return true;
    if (length > MAX_CHUNK && !this.accessible(addr, length, true)) return false;
    for (let at = 0; at < length; at += MAX_CHUNK) {
      const n = Math.min(MAX_CHUNK, length - at);
      if (!this.writeChunk(addr + at, src.subarray(srcOffset + at, srcOffset + at + n))) return false;
    }
    return true;
  }

  /**
   * The program's mapping holding `addr` (the driver pins it for HL_MEM_OP_MAP): a mirror of it,
   * which the device reads and writes like any host region.
   */
  override region(addr: number): Region | undefined {
    if (!Number.isSafeInteger(addr) || addr < 0 || addr >= this.limit) return undefined;
    const p = Buffer.alloc(8);
    p.writeBigUInt64LE(BigInt(addr));
    const info = this.channel.ask(MSG.REGION, p, MSG.REGION_INFO);
    if (info.readBigUInt64LE(24) === 0n) return undefined;
    const start = Number(info.readBigUInt64LE(0));
    const end = Number(info.readBigUInt64LE(8));
    const perms = Number(info.readBigUInt64LE(16));
    const m = this.mirrors.get(start) ?? this.mirror(start, new Uint8Array(end - start));
    if (m === undefined) return undefined;
    return { start, end: start + m.bytes.length, bytes: m.bytes, view: new DataView(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength), writable: (perms & 2) !== 0, label: 'pinned' };
  }

  /** A device buffer the program mmapped at `start`: the program sees the device's bytes from now on. */
  mapDevice(start: number, bytes: Uint8Array, length: number): boolean {
    const view = bytes.subarray(0, Math.min(bytes.length, Math.ceil(length / PAGE_SIZE) * PAGE_SIZE));
    if (!this.copyOut(start, view, 0, view.length)) return false;
    this.mirrors.set(start, { start, bytes: view, seen: view.slice() });
    return true;
  }

  /** The program unmapped `start`: a mirror starting there is dropped. */
  unmapDevice(start: number): void {
    this.mirrors.delete(start);
  }

  /** Before a call: the device sees what the program wrote into mirrored ranges. A range gone from the program is dropped. */
  pull(): void {
    for (const m of [...this.mirrors.values()]) {
      if (!this.copyIn(m.start, m.bytes, 0, m.bytes.length)) {
        this.mirrors.delete(m.start);
        continue;
      }
      m.seen.set(m.bytes);
    }
  }

  /** After a call: what the device wrote into mirrored ranges reaches the program. */
  push(): void {
    for (const m of this.mirrors.values()) {
      if (sameBytes(m.bytes, m.seen)) continue;
      if (this.copyOut(m.start, m.bytes, 0, m.bytes.length)) m.seen.set(m.bytes);
    }
  }

  private mirror(start: number, bytes: Uint8Array): Mirror | undefined {
    if (!this.copyIn(start, bytes, 0, bytes.length)) return undefined;
    const m = { start, bytes, seen: bytes.slice() };
    this.mirrors.set(start, m);
    return m;
  }

  private readChunk(addr: number, n: number): Buffer | undefined {
    if (!Number.isSafeInteger(addr) || addr < 0 || addr + n > this.limit) return undefined;
    const p = Buffer.alloc(12);
    p.writeBigUInt64LE(BigInt(addr), 0);
    p.writeUInt32LE(n, 8);
    const answer = this.channel.ask(MSG.READ, p, MSG.MEMDATA);
    return answer.readInt32LE(0) === 0 && answer.length === 4 + n ? answer.subarray(4) : undefined;
  }

  private writeChunk(addr: number, bytes: Uint8Array): boolean {
    if (!Number.isSafeInteger(addr) || addr < 0 || addr + bytes.length > this.limit) return false;
    const p = Buffer.alloc(12 + bytes.length);
    p.writeBigUInt64LE(BigInt(addr), 0);
    p.writeUInt32LE(bytes.length, 8);
    p.set(bytes, 12);
    return this.channel.ask(MSG.WRITE, p, MSG.MEMRC).readInt32LE(0) === 0;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(a, b) === 0;
}
