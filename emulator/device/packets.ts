/**
 * The packet set of the emulated queues. Packets are little-endian 32-bit words; the first word is a
 * header with the opcode in bits 24..28 (the numbering of Habana's QMAN packets). Every packet is a
 * multiple of 8 bytes, so a command stream's length must be too.
 *
 * | opcode | name      | bytes | header bits 0..23            | then                                   |
 * |--------|-----------|-------|------------------------------|----------------------------------------|
 * | 0x1    | WREG_32   | 8     | register offset (0..0xffff)  | value                                  |
 * | 0x4    | MSG_SHORT | 8     | sync object id; bit 16 = add | value (15 bits): set, or add, to the SOB |
 * | 0x7    | MSG_PROT  | 16    | (driver only)                | address (u64), value                   |
 * | 0x8    | FENCE     | 8     | sync object id               | target: wait until SOB >= target        |
 * | 0x9    | LIN_DMA   | 24    | 0                            | size (u32), src (u64), dst (u64)        |
 * | 0xA    | NOP       | 8     | 0                            | 0                                      |
 * | 0xB    | STOP      | 8     | 0                            | 0: the rest of the buffer is not run    |
 */
export const OPCODE = {
  WREG_32: 0x1,
  MSG_SHORT: 0x4,
  MSG_PROT: 0x7,
  FENCE: 0x8,
  LIN_DMA: 0x9,
  NOP: 0xa,
  STOP: 0xb,
} as const;

export type OpcodeName = keyof typeof OPCODE;

export const PACKET_BYTES: Readonly<Record<number, number>> = {
  [OPCODE.WREG_32]: 8,
  [OPCODE.MSG_SHORT]: 8,
  [OPCODE.MSG_PROT]: 16,
  [OPCODE.FENCE]: 8,
  [OPCODE.LIN_DMA]: 24,
  [OPCODE.NOP]: 8,
  [OPCODE.STOP]: 8,
};

/** Largest value a sync object holds (15 bits, as on Gaudi). */
export const SOB_MAX_VALUE = 0x7fff;
export const MSG_SHORT_ADD = 1 << 16;

const header = (opcode: number, low: number): number => ((opcode & 0x1f) << 24 | (low & 0xffffff)) >>> 0;

/** Builds command streams for tests, examples and the runtime. */
export class PacketWriter {
  private words: number[] = [];

  nop(): this { return this.push(header(OPCODE.NOP, 0), 0); }
  stop(): this { return this.push(header(OPCODE.STOP, 0), 0); }
  wreg32(offset: number, value: number): this { return this.push(header(OPCODE.WREG_32, offset), value >>> 0); }
  /** Sets (or with `add`, adds to) sync object `sob`. */
  signal(sob: number, value: number, add = false): this {
    return this.push(header(OPCODE.MSG_SHORT, (sob & 0x1fff) | (add ? MSG_SHORT_ADD : 0)), value >>> 0);
  }
  /** Stalls the queue until sync object `sob` reaches `target`. */
  fence(sob: number, target: number): this { return this.push(header(OPCODE.FENCE, sob & 0x1fff), target >>> 0); }
  linDma(src: number | bigint, dst: number | bigint, size: number): this {
    const s = BigInt(src);
    const d = BigInt(dst);
    return this.push(header(OPCODE.LIN_DMA, 0), size >>> 0,
      Number(s & 0xffffffffn), Number(s >> 32n), Number(d & 0xffffffffn), Number(d >> 32n));
  }
  msgProt(address: number | bigint, value: number): this {
    const a = BigInt(address);
    return this.push(header(OPCODE.MSG_PROT, 0), Number(a & 0xffffffffn), Number(a >> 32n), value >>> 0);
  }
  /** A raw word, for malformed streams in tests. */
  word(w: number): this { return this.push(w >>> 0); }

  get byteLength(): number {
    return this.words.length * 4;
  }

  bytes(): Uint8Array {
    const out = new Uint8Array(this.byteLength);
    const dv = new DataView(out.buffer);
    this.words.forEach((w, i) => dv.setUint32(i * 4, w, true));
    return out;
  }

  private push(...ws: number[]): this {
    this.words.push(...ws);
    return this;
  }
}

export const packets = (): PacketWriter => new PacketWriter();
