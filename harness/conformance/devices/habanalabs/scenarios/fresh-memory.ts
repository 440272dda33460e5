import * as fc from 'fast-check';
import { packets } from '../../../../../emulator/device/packets';
import { ensure } from '../../../pbt/rules';
import type { SuiteProperty } from '../../../pbt/properties/suite-property';
import { Script, scriptProblem } from './script';
import { int, literal, object } from '../../../pbt/data/data-schema';

/** One owner writes device memory and gives it back; then someone allocates memory again and reads it. */
export interface FreshMemoryCase {
  /** Pages of the allocation (of the device's allocation page size). */
  readonly pages: number;
  /** Which pages the first owner writes (bit i: page i). */
  readonly written: number;
  readonly pattern: number;
  /** Bytes written at the start of each such page. */
  readonly length: number;
  readonly release: 'free' | 'close';
  /** Who allocates next: the same file (reopened after a close) or the other one. */
  readonly reader: 'same' | 'other';
}

/**
 * Device memory is scrubbed between owners: after one context wrote a pattern into its allocation
 * (by DMA from host memory, checked to arrive) and freed it or closed its file, a new allocation of
 * the same size, by the same or another context, reads back zeros everywhere (by DMA to host memory).
 */
export const freshMemory: SuiteProperty<FreshMemoryCase> = {
  id: 'no-stale-data-in-fresh-memory',
  states: 'device memory a context freed (or left by closing) reads back as zeros in the next allocation, whoever makes it',
  abis: 'each',
  skip: (ctx) => scriptProblem(ctx, ['DRM_IOCTL_HL_MEMORY', 'DRM_IOCTL_HL_CS', 'DRM_IOCTL_HL_CB', 'DRM_IOCTL_HL_WAIT_CS'],
    ['HL_MEM_OP_ALLOC', 'HL_MEM_OP_MAP', 'HL_MEM_OP_UNMAP', 'HL_MEM_OP_FREE', 'HL_MEM_USERPTR', 'HL_CB_OP_CREATE', 'HL_WAIT_CS_STATUS_COMPLETED']),
  arbitrary: () => fc.record({
    pages: fc.integer({ min: 1, max: 3 }),
    written: fc.integer({ min: 1, max: 7 }),
    pattern: fc.integer({ min: 1, max: 255 }),
    length: fc.constantFrom(8, 64, 4096),
    release: fc.constantFrom<'free' | 'close'>('free', 'close'),
    reader: fc.constantFrom<'same' | 'other'>('same', 'other'),
  }),
  check(ctx, c) {
    const s = new Script(ctx);
    s.open(0);
    s.open(1);
    const page = BigInt(s.system.device.config.dramPageSize);
    const size = page * BigInt(c.pages);
    const pages = Array.from({ length: c.pages }, (_, i) => i).filter((i) => (c.written & (1 << i)) !== 0);
    const h = s.alloc(0, size);
    const va = s.mapDevice(0, h);
    const src = s.mapHost(0, c.length, c.pattern);
    const fill = packets();
    for (const p of pages) fill.linDma(src.va, va + BigInt(p) * page, c.length);
    s.run(0, fill.bytes(), s.queue);
    if (pages.length > 0) {
      const back = s.mapHost(0, c.length, 0);
      s.run(0, packets().linDma(va + BigInt(pages[0] ?? 0) * page, back.va, c.length).bytes(), s.queue);
      const got = s.read(0, back.address, c.length);
      ensure(got.every((b) => b === c.pattern), 'D14/model-expected-result', () => `DMA to device memory and back returned ${Buffer.from(got.subarray(0, 16)).toString('hex')}..., not the pattern 0x${c.pattern.toString(16)}`);
    }
    if (c.release === 'free') {
      s.unmap(0, va);
      s.free(0, h);
    } else {
      s.close(0);
      if (c.reader === 'same') s.open(0);
    }
    const reader = c.reader === 'same' ? 0 : 1;
    const h2 = s.alloc(reader, size);
    const va2 = s.mapDevice(reader, h2);
    const dst = s.mapHost(reader, c.length * c.pages, 0xee);
    const read = packets();
    for (let p = 0; p < c.pages; p++) read.linDma(va2 + BigInt(p) * page, dst.va + BigInt(p * c.length), c.length);
    s.run(reader, read.bytes(), s.queue);
    const got = s.read(reader, dst.address, c.length * c.pages);
    const at = got.findIndex((b) => b !== 0);
    ensure(at < 0, 'no-stale-data-in-fresh-memory', () => `a new allocation by the ${c.reader} file read 0x${(got[at] ?? 0).toString(16)} at page ${Math.floor(at / c.length)}, byte ${at % c.length}, after the previous owner wrote 0x${c.pattern.toString(16)} and ${c.release === 'free' ? 'freed it' : 'closed its file'}`);
  },
  toData: (c) => c,
  fromData: (d) => d as FreshMemoryCase,
  dataSchema: () => object({ pages: int(1, 64), written: int(0, 2 ** 31 - 1), pattern: int(0, 255), length: int(0, 1 << 20), release: literal('free', 'close'), reader: literal('same', 'other') }),
};
