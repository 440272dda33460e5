/**
 * The model's commands as plain data: what fast-check generates, shrinks, prints, and what a failure
 * file stores. References to things the model holds (a handle, a mapping, a submission) are picks
 * resolved against the model when the command runs, so a command stays meaningful after shrinking.
 */

/** A handle argument: one of this file's live ones, a dead one, another file's, one of another kind, or garbage. */
export interface HandleRef {
  readonly from: 'own' | 'stale' | 'foreign' | 'otherKind' | 'garbage';
  readonly pick: number;
}

/** A device address: inside one of this context's mappings, another context's, an unmapped one, a command buffer's, or nowhere. */
export interface AddrRef {
  readonly from: 'own' | 'foreign' | 'stale' | 'cb' | 'garbage';
  readonly pick: number;
  /** Offset into the mapping, as a fraction of its size in 1/256ths (so that it scales with any mapping). */
  readonly at: number;
}

export type Packet =
  | { readonly p: 'nop' }
  | { readonly p: 'stop' }
  | { readonly p: 'wreg'; readonly reg: 'user' | 'secured' | 'unaligned'; readonly pick: number; readonly value: number }
  | { readonly p: 'signal'; readonly sob: 'user' | 'driver' | 'big'; readonly pick: number; readonly add: boolean }
  | { readonly p: 'fenceStuck' }
  | { readonly p: 'msgProt' }
  | { readonly p: 'dma'; readonly src: AddrRef; readonly dst: AddrRef; readonly len: 'fit' | 'overrun' | 'zero' }
  | { readonly p: 'unknown'; readonly opcode: number };

export interface ChunkData {
  readonly cb: HandleRef;
  readonly queue: 'user' | 'cpu' | 'bad';
  readonly queuePick: number;
  readonly packets: readonly Packet[];
  /** cb_size larger than the buffer. */
  readonly oversize: boolean;
}

export type SeqRef = { readonly from: 'own' | 'future' | 'foreign'; readonly pick: number };

export type CommandData =
  | { readonly op: 'open'; readonly slot: number }
  | { readonly op: 'close'; readonly slot: number }
  | { readonly op: 'cbCreate'; readonly slot: number; readonly size: number; readonly map: boolean; readonly badBit: number | null }
  | { readonly op: 'cbDestroy'; readonly slot: number; readonly ref: HandleRef }
  | { readonly op: 'cbInfo'; readonly slot: number; readonly ref: HandleRef; readonly wantVa: boolean }
  | { readonly op: 'memAlloc'; readonly slot: number; readonly size: SizeChoice; readonly page: PageChoice; readonly contiguous: boolean }
  | { readonly op: 'memFree'; readonly slot: number; readonly ref: HandleRef }
  | { readonly op: 'mapDevice'; readonly slot: number; readonly ref: HandleRef }
  | { readonly op: 'mapHost'; readonly slot: number; readonly size: number; readonly readOnly: boolean; readonly fault: 'none' | 'unmapped' | 'tooLong' | 'zero' }
  | { readonly op: 'unmap'; readonly slot: number; readonly ref: AddrRef }
  | {
    readonly op: 'submit'; readonly slot: number; readonly chunks: readonly ChunkData[]; readonly flags: readonly number[];
    readonly unsupported: number | null; readonly badBit: number | null; readonly timeoutSec: number | null; readonly count: 'exact' | 'zero' | 'tooMany';
  }
  | { readonly op: 'wait'; readonly slot: number; readonly seq: SeqRef; readonly timeoutUs: bigint; readonly signal: boolean }
  | { readonly op: 'waitMulti'; readonly slot: number; readonly seqs: readonly SeqRef[]; readonly timeoutUs: bigint; readonly len: 'exact' | 'zero' | 'tooMany' }
  | { readonly op: 'info'; readonly slot: number; readonly pick: number; readonly focus: boolean; readonly unknownOp: boolean; readonly size: InfoSize; readonly fault: 'none' | 'null' | 'zeroSize' | 'unmapped'; readonly perOp: number };

/** DRAM request sizes relative to the device's page size P (and absolute extremes). */
export type SizeChoice = 'one' | 'hostPage' | 'pageMinus1' | 'page' | 'pagePlus1' | 'threePages' | 'quarterOfFree' | 'moreThanFree' | 'zero' | 'huge63' | 'max64' | 'wrapsPage';
/** Allocation page sizes: the default (0), supported ones, and unsupported ones. */
export type PageChoice = 'default' | 'base' | 'double' | 'max' | 'overMax' | 'notPow2' | 'belowMin';
/** An INFO buffer relative to the answer's payload size S. */
export type InfoSize = 'exact' | 'minus1' | 'plus8' | 'eight' | 'one' | 'page';

export type Op = CommandData['op'];
export type DataOf<K extends Op> = Extract<CommandData, { op: K }>;
