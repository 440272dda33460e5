import { arrayOf, big, bool, int, literal, nullable, object, str, tagged, type Check } from './data-schema';

/**
 * The commands of the stateful model as a failure file stores them (harness/conformance/pbt/model/commands/data.ts):
 * every op with its fields, every choice one the model knows, every number within what it resolves.
 */
const pick = int(0, 2 ** 31 - 1);
const handleRef = object({ from: literal('own', 'stale', 'foreign', 'otherKind', 'garbage'), pick });
const addrRef = object({ from: literal('own', 'foreign', 'stale', 'cb', 'garbage'), pick, at: int(0, 255) });
const seqRef = object({ from: literal('own', 'future', 'foreign'), pick });
const u32 = int(0, 2 ** 32 - 1);
const timeoutUs = big(0n, (1n << 64n) - 1n);

const packet: Check = tagged('p', {
  nop: object({ p: str }),
  stop: object({ p: str }),
  fenceStuck: object({ p: str }),
  msgProt: object({ p: str }),
  wreg: object({ p: str, reg: literal('user', 'secured', 'unaligned'), pick, value: u32 }),
  signal: object({ p: str, sob: literal('user', 'driver', 'big'), pick, add: bool }),
  dma: object({ p: str, src: addrRef, dst: addrRef, len: literal('fit', 'overrun', 'zero') }),
  unknown: object({ p: str, opcode: int(0, 255) }),
});

const chunk = object({ cb: handleRef, queue: literal('user', 'cpu', 'bad'), queuePick: pick, packets: arrayOf(packet, 256), oversize: bool });

/** Commands over `slots` process slots (the model's SLOTS). */
export const modelCommandsSchema = (slots: number): Check => {
  const slot = int(0, slots - 1);
  return arrayOf(tagged('op', {
    open: object({ op: str, slot }),
    close: object({ op: str, slot }),
    cbCreate: object({ op: str, slot, size: u32, map: bool, badBit: nullable(int(0, 63)) }),
    cbDestroy: object({ op: str, slot, ref: handleRef }),
    cbInfo: object({ op: str, slot, ref: handleRef, wantVa: bool }),
    memAlloc: object({
      op: str, slot, contiguous: bool,
      size: literal('one', 'hostPage', 'pageMinus1', 'page', 'pagePlus1', 'threePages', 'quarterOfFree', 'moreThanFree', 'zero', 'huge63', 'max64', 'wrapsPage'),
      page: literal('default', 'base', 'double', 'max', 'overMax', 'notPow2', 'belowMin'),
    }),
    memFree: object({ op: str, slot, ref: handleRef }),
    mapDevice: object({ op: str, slot, ref: handleRef }),
    mapHost: object({ op: str, slot, size: int(0, 1 << 30), readOnly: bool, fault: literal('none', 'unmapped', 'tooLong', 'zero') }),
    unmap: object({ op: str, slot, ref: addrRef }),
    submit: object({
      op: str, slot, chunks: arrayOf(chunk, 256), flags: arrayOf(int(0, 63), 64),
      unsupported: nullable(int(0, 63)), badBit: nullable(int(0, 63)), timeoutSec: nullable(u32), count: literal('exact', 'zero', 'tooMany'),
    }),
    wait: object({ op: str, slot, seq: seqRef, timeoutUs, signal: bool }),
    waitMulti: object({ op: str, slot, seqs: arrayOf(seqRef, 64), timeoutUs, len: literal('exact', 'zero', 'tooMany') }),
    info: object({
      op: str, slot, pick, focus: bool, unknownOp: bool, size: literal('exact', 'minus1', 'plus8', 'eight', 'one', 'page'),
      fault: literal('none', 'null', 'zeroSize', 'unmapped'), perOp: int(0, 1 << 20),
    }),
  }), 10_000);
};
