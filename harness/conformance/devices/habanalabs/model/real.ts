import { codecFor } from '../../../../core/codec';
import { FILL } from '../../../pbt/args/materialize';
import { callValue, needIoctl, type ValueOutcome } from '../../../pbt/world/call-value';
import { ensure } from '../../../pbt/rules';
import { CANARY, CANARY_BYTES, type Slot, type System } from '../../../pbt/world/system';

/**
 * One device under test with its processes, plus what the userspace side keeps per process: the
 * addresses of its host buffers (by the model's number for them) and where it mmapped each command
 * buffer. The model runs every command on each side (the ABI under test and its mirror) and demands
 * the same observations (D13).
 */
export class Side {
  readonly system: System;
  readonly hostBuffers: number[][];
  readonly cbMaps: Map<bigint, number>[];

  constructor(system: System) {
    this.system = system;
    this.hostBuffers = system.slots.map(() => []);
    this.cbMaps = system.slots.map(() => new Map());
  }

  slot(i: number): Slot {
    return this.system.slot(i);
  }

  /** A fresh host buffer of `size` bytes filled with `byte`, recorded as the slot's next host buffer. */
  hostBuffer(slot: number, size: number, byte: number, writable: boolean): number {
    const address = this.system.buffer(this.slot(slot), new Uint8Array(size).fill(byte), { canary: false, writable });
    this.hostBuffers[slot]?.push(address);
    return address;
  }

  /** The slot's mmap of a command buffer (mapped on first use); undefined when mmap fails. */
  cbMapping(slot: number, handle: bigint, length: number): number | undefined {
    const maps = this.cbMaps[slot];
    const known = maps?.get(handle);
    if (known !== undefined) return known;
    const s = this.slot(slot);
    const m = s.caller.mmap(handle, length);
    if (!m.ok) return undefined;
    maps?.set(handle, m.value);
    return m.value;
  }

  /** Forgets (and unmaps) the slot's command-buffer mappings, e.g. when its file closes. */
  dropCbMaps(slot: number): void {
    const maps = this.cbMaps[slot];
    if (maps === undefined) return;
    for (const a of maps.values()) this.slot(slot).process.unmap(a);
    maps.clear();
  }
}

export interface Real {
  readonly sides: readonly Side[];
}

/** The answer of an INFO query: the call's outcome and the bytes the kernel left in the buffer. */
export interface InfoAnswer extends ValueOutcome {
  readonly answer: Uint8Array;
}

/**
 * HL_INFO with a fresh answer buffer of `size` bytes (filled with FILL, canaries after it), or with
 * `pointer` instead (a null or unmapped one). `perOp` goes in the union after `op`.
 */
export function infoCall(side: Side, slot: number, op: number, size: number, perOp = 0, pointer?: bigint): InfoAnswer {
  const sys = side.system;
  const s = side.slot(slot);
  const address = pointer ?? BigInt(sys.buffer(s, new Uint8Array(size).fill(FILL)));
  const r = callValue(sys, s, 'DRM_IOCTL_HL_INFO', { return_pointer: address, return_size: size, op, period_ms: perOp });
  const answer = pointer === undefined ? sys.read(s, Number(address), size) ?? new Uint8Array() : new Uint8Array();
  if (pointer === undefined) {
    const after = sys.read(s, Number(address) + size, CANARY_BYTES) ?? new Uint8Array();
    const at = after.findIndex((b) => b !== CANARY);
    ensure(at < 0, 'no-write-past-caller-length', () => `INFO op ${op} with return_size ${size} wrote byte ${size + at} of the buffer`);
  }
  return { ...r, answer };
}

/** Decodes an INFO answer as the payload type `name` (zero-extended when the buffer held less). */
export function decodePayload(side: Side, name: string, answer: Uint8Array): Record<string, unknown> | undefined {
  const codec = codecFor<Record<string, unknown>>(side.system.facts.spec, side.system.abi, name);
  if (codec === undefined) return undefined;
  const bytes = new Uint8Array(Math.max(codec.size, answer.length));
  bytes.set(answer);
  return codec.read(new DataView(bytes.buffer), 0);
}

export { needIoctl };
