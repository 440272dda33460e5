import { copyBytes } from '../process/copy-bytes';
import type { Mapping } from './mmu';

/**
 * Reads `length` bytes at device address `va` of mapping `m` (which must hold them, at page
 * granularity) into `dst`.
 */
export function readMapping(m: Mapping, va: number, dst: Uint8Array, dstOffset: number, length: number): void {
  const delta = va - m.va;
  const t = m.target;
  switch (t.kind) {
    case 'host': copyBytes(dst, dstOffset, t.region.bytes, t.offset + delta, length); return;
    case 'cb': copyBytes(dst, dstOffset, t.cb.bytes, delta, length); return;
    case 'dram': t.allocation.read(va - m.start, dst, dstOffset, length);
  }
}

/** Writes `length` bytes of `src` at device address `va` of mapping `m`. */
export function writeMapping(m: Mapping, va: number, src: Uint8Array, srcOffset: number, length: number): void {
  const delta = va - m.va;
  const t = m.target;
  switch (t.kind) {
    case 'host': copyBytes(t.region.bytes, t.offset + delta, src, srcOffset, length); return;
    case 'cb': copyBytes(t.cb.bytes, delta, src, srcOffset, length); return;
    case 'dram': t.allocation.write(va - m.start, src, srcOffset, length);
  }
}
