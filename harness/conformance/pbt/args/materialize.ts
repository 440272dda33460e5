import { PAGE_SIZE } from '../../../../emulator/process/address-space';
import type { Direction } from '../../../core/model/model';
import type { FieldSite } from '../spec-facts/field-sites';
import type { SpecFacts } from '../spec-facts/spec-facts';
import { viewOf, writeSite } from '../world/bytes';
import { taskOf } from '../world/emulated-instance';
import type { Slot, System } from '../world/system';
import { codecFor } from '../../../core/codec';
import { shapeOf, type AbstractArg, type AbstractScalar, type PointerTarget } from './abstract-arg';

/** What an answer buffer holds before the kernel writes it. */
export const FILL = 0x5a;

/** A user buffer a pointer field of the argument got. */
export interface PlacedBuffer {
  /** Path of the pointer field. */
  readonly path: string;
  readonly address: number;
  /** Bytes the call may use: what the length field says (or the buffer's size). */
  readonly length: number;
  readonly dir: Direction;
  /** Canary bytes follow the buffer (the kernel must not write them). */
  readonly guarded: boolean;
}

export interface Materialized {
  /** The argument record's bytes on this ABI. */
  readonly image: Uint8Array;
  readonly buffers: readonly PlacedBuffer[];
}

/** How a pointer is placed: normally, at an unmapped address, or with its last byte unmapped. */
export type PointerPlacement = 'normal' | 'unmapped' | 'short';

export interface MaterializeOptions {
  /** The handle a `{handle, kind, pick}` field gets. */
  readonly handle: (kind: string, pick: number) => bigint;
  /** Placement of the pointer at a path (default normal). */
  readonly placement?: (path: string) => PointerPlacement;
}

function elementStride(facts: SpecFacts, name: string): number {
  return codecFor(facts.spec, facts.abi, name)?.size ?? 8;
}

/** The bytes a pointer target holds on this ABI, and the value its length field gets. */
function targetBytes(system: System, slot: Slot, site: FieldSite, target: PointerTarget, o: MaterializeOptions, out: PlacedBuffer[]): { bytes: Uint8Array; length: number } {
  const facts = system.facts;
  const unit = site.annotations?.userPointer?.lengthUnit ?? 'bytes';
  if (target.elements !== undefined) {
    const name = target.elements[0]?.record ?? site.annotations?.userPointer?.elementType ?? '';
    const stride = elementStride(facts, name);
    const bytes = new Uint8Array(stride * target.elements.length);
    target.elements.forEach((e, i) => bytes.set(materializeRecord(system, slot, e, o, out).image.subarray(0, stride), i * stride));
    return { bytes, length: unit === 'elements' ? target.elements.length : bytes.length };
  }
  if (target.words !== undefined) {
    const stride = elementStride(facts, site.annotations?.userPointer?.elementType ?? '__u64');
    const bytes = new Uint8Array(stride * target.words.length);
    const view = viewOf(bytes);
    target.words.forEach((w, i) => writeSite(view, { offset: i * stride, access: { ...site.access, bytes: stride as 1 | 2 | 4 | 8 } }, w));
    return { bytes, length: unit === 'elements' ? target.words.length : bytes.length };
  }
  // Buffers the kernel writes start as a pattern, so that a zero there was written by the kernel.
  const n = target.bytes ?? 0;
  return { bytes: new Uint8Array(n).fill(site.annotations?.userPointer?.dir === 'in' ? 0 : FILL), length: n };
}

/**
 * Maps `bytes` so that only the first `mapped` of them are in memory and the rest falls on an unmapped
 * page: a buffer (or an argument) shorter than the call says. Returns its address.
 */
export function straddle(slot: Slot, bytes: Uint8Array, mapped: number): number {
  const size = Math.max(PAGE_SIZE, Math.ceil(mapped / PAGE_SIZE) * PAGE_SIZE);
  const task = taskOf(slot.process);
  if (task === undefined) {
    // Any other backend keeps a guard page after every mapping (the Process contract).
    const contents = new Uint8Array(size);
    contents.set(bytes.subarray(0, mapped), size - mapped);
    const m = slot.process.map(size, { contents });
    if (!m.ok) throw new Error(`process: no room for a straddling buffer (errno ${m.errno})`);
    return m.value + size - mapped;
  }
  const mem = task.memory;
  // From the top of the address space down: a mapping whose next page is free.
  for (let top = mem.limit - PAGE_SIZE; top - size >= PAGE_SIZE; top -= 16 * PAGE_SIZE) {
    if (mem.accessible(top, 1, false)) continue;
    const r = mem.map(size, { at: top - size });
    if (!r.ok) continue;
    const at = top - mapped;
    mem.copyOut(at, bytes, 0, mapped);
    return at;
  }
  throw new Error('emulated process: no room for a straddling buffer');
}

function place(system: System, slot: Slot, site: FieldSite, target: PointerTarget, o: MaterializeOptions, out: PlacedBuffer[]): { address: number; length: number } {
  const { bytes, length } = targetBytes(system, slot, site, target, o, out);
  const placement = o.placement?.(site.path) ?? 'normal';
  const dir = site.annotations?.userPointer?.dir ?? 'in';
  if (placement === 'unmapped') return { address: system.unmappedAddress(slot), length };
  if (placement === 'short' && bytes.length > 0) return { address: straddle(slot, bytes, bytes.length - 1), length };
  const address = system.buffer(slot, bytes);
  out.push({ path: site.path, address, length: bytes.length, dir, guarded: true });
  return { address, length };
}

/**
 * Turns an abstract argument into bytes on the system's ABI: numbers are written, handles come from
 * the world, pointers get freshly mapped buffers (followed by canaries) and their length fields the
 * matching count.
 */
export function materializeRecord(system: System, slot: Slot, arg: AbstractArg, o: MaterializeOptions, buffers: PlacedBuffer[] = []): Materialized {
  const s = shapeOf(system.facts, arg.record);
  const size = codecFor(system.facts.spec, system.facts.abi, arg.record)?.size ?? 0;
  const image = new Uint8Array(size);
  if (s === undefined) return { image, buffers };
  const view = viewOf(image);
  const byPath = new Map(s.sites.map((x) => [x.path, x]));
  const lengths = new Map<string, number>();
  const deferred: [FieldSite, AbstractScalar & { t: 'length' }][] = [];
  for (const [path, value] of Object.entries(arg.values)) {
    const site = byPath.get(path);
    if (site === undefined) continue;
    switch (value.t) {
      case 'v': writeSite(view, site, value.v); break;
      case 'size': writeSite(view, site, BigInt(size)); break;
      case 'handle': writeSite(view, site, o.handle(value.kind, value.pick)); break;
      case 'pointer': {
        const p = place(system, slot, site, value.target, o, buffers);
        writeSite(view, site, BigInt(p.address));
        lengths.set(path, p.length);
        break;
      }
      case 'length': deferred.push([site, value]); break;
    }
  }
  for (const [site, value] of deferred) writeSite(view, site, BigInt(lengths.get(value.of) ?? 0));
  return { image, buffers };
}

/** Handles from lists per kind (own live ones, another file's, destroyed ones); a kind with none gets `pick` itself. */
export function handlesFrom(lists: ReadonlyMap<string, readonly bigint[]>): (kind: string, pick: number) => bigint {
  return (kind, pick) => {
    const l = lists.get(kind);
    return l !== undefined && l.length > 0 ? (l[pick % l.length] as bigint) : BigInt(pick);
  };
}
