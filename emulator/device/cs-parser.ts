import { E, type Errno } from '../errno';
import type { Mutations } from '../mutations';
import type { DeviceConfig } from './config';
import type { Mapping } from './mmu';
import type { Packet } from './packet';
import { MSG_SHORT_ADD, OPCODE, PACKET_BYTES, SOB_MAX_VALUE } from './packets';

/** Why a command stream was rejected: the errno, the byte offset of the packet, and the rule. */
export interface ParseFailure {
  readonly errno: Errno;
  readonly offset: number;
  readonly reason: string;
}

export type ParseResult = { readonly ok: true; readonly packets: readonly Packet[] } | { readonly ok: false; readonly failure: ParseFailure };

/** What the parser needs to know about the submitting context. */
export interface ParseContext {
  readonly config: DeviceConfig;
  readonly mutations: Mutations;
  /** The context's mapping holding all of [va, va + length), if any (host or device memory only). */
  translate(va: number, length: number): Mapping | undefined;
}

const failed = (errno: Errno, offset: number, reason: string): ParseResult => ({ ok: false, failure: { errno, offset, reason } });

/**
 * Validates every packet of a user command stream before anything runs, as the driver's parser does
 * for user command buffers: known opcodes only, whole packets only, no writes to secured registers or
 * driver sync objects (EPERM), and LIN_DMA only inside the submitting context's own mappings of host
 * or device memory (EINVAL). Returns the decoded packets.
 */
export function parseCommandStream(bytes: Uint8Array, offset: number, length: number, pc: ParseContext): ParseResult {
  if (length % 8 !== 0) return failed(E.EINVAL, length - (length % 8), `stream length ${length} is not a multiple of 8`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset + offset, length);
  const m = pc.mutations;
  const cfg = pc.config;
  const out: Packet[] = [];
  for (let at = 0; at < length;) {
    const header = dv.getUint32(at, true);
    const opcode = (header >>> 24) & 0x1f;
    const low = header & 0xffffff;
    const size = PACKET_BYTES[opcode];
    if (size === undefined || (header & 0xe0000000) !== 0) {
      if (!m['accept-unknown-packet']) return failed(E.EINVAL, at, `unknown opcode 0x${opcode.toString(16)}`);
      out.push({ op: 'undefined', opcode });
      at += 8;
      continue;
    }
    if (at + size > length) return failed(E.EINVAL, at, `packet of ${size} bytes runs past the stream end`);
    const w1 = dv.getUint32(at + 4, true);
    switch (opcode) {
      case OPCODE.NOP:
        out.push({ op: 'nop' });
        break;
      case OPCODE.STOP:
        out.push({ op: 'stop' });
        break;
      case OPCODE.WREG_32: {
        if (low > 0xffff) return failed(E.EINVAL, at, 'WREG_32 header has reserved bits set');
        if (low % 4 !== 0) return failed(E.EINVAL, at, `register offset 0x${low.toString(16)} is not 4-aligned`);
        if (low >= cfg.securedRegisterBase && !m['allow-secured-register-write']) {
          return failed(E.EPERM, at, `register 0x${low.toString(16)} is secured`);
        }
        out.push({ op: 'wreg', offset: low, value: w1 });
        break;
      }
      case OPCODE.MSG_SHORT:
      case OPCODE.FENCE: {
        const sob = low & 0x1fff;
        const extra = opcode === OPCODE.MSG_SHORT ? low & ~(0x1fff | MSG_SHORT_ADD) : low & ~0x1fff;
        if (extra !== 0) return failed(E.EINVAL, at, 'sync packet header has reserved bits set');
        if (sob >= cfg.syncObjects) return failed(E.EINVAL, at, `sync object ${sob} does not exist`);
        if (sob < cfg.firstUserSyncObject && !m['allow-secured-register-write']) return failed(E.EPERM, at, `sync object ${sob} is the driver's`);
        if (w1 > SOB_MAX_VALUE) return failed(E.EINVAL, at, `value ${w1} does not fit a sync object`);
        out.push(opcode === OPCODE.FENCE ? { op: 'fence', sob, target: w1 } : { op: 'signal', sob, value: w1, add: (low & MSG_SHORT_ADD) !== 0 });
        break;
      }
      case OPCODE.MSG_PROT: {
        if (!m['allow-secured-register-write']) return failed(E.EPERM, at, 'MSG_PROT is for the driver only');
        const address = dv.getUint32(at + 4, true) + dv.getUint32(at + 8, true) * 2 ** 32;
        out.push({ op: 'msgprot', address, value: dv.getUint32(at + 12, true) });
        break;
      }
      case OPCODE.LIN_DMA: {
        if (low !== 0) return failed(E.EINVAL, at, 'LIN_DMA header has reserved bits set');
        const src = dv.getUint32(at + 8, true) + dv.getUint32(at + 12, true) * 2 ** 32;
        const dst = dv.getUint32(at + 16, true) + dv.getUint32(at + 20, true) * 2 ** 32;
        const check = dmaRangeError(pc, src, dst, w1);
        if (check !== undefined) return failed(E.EINVAL, at, check);
        out.push({ op: 'dma', src, dst, size: w1 });
        break;
      }
      default:
        return failed(E.EINVAL, at, `unknown opcode 0x${opcode.toString(16)}`);
    }
    at += size;
  }
  return { ok: true, packets: out };
}

function dmaRangeError(pc: ParseContext, src: number, dst: number, size: number): string | undefined {
  const m = pc.mutations;
  if (size === 0 || m['skip-dma-check']) return undefined;
  // The off-by-one mutation checks one byte less than the transfer touches.
  const checked = m['dma-bound-off-by-one'] ? size - 1 : size;
  const s = pc.translate(src, checked);
  if (s === undefined) return `LIN_DMA source 0x${src.toString(16)}+${size} is outside the context's mappings`;
  const d = pc.translate(dst, checked);
  if (d === undefined) return `LIN_DMA destination 0x${dst.toString(16)}+${size} is outside the context's mappings`;
  if (d.target.kind === 'host' && !d.target.region.writable) return `LIN_DMA destination 0x${dst.toString(16)} is read-only host memory`;
  return undefined;
}
