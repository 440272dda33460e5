import type { Mutations } from '../mutations';

/** Kinds of per-file handles: command buffers, device memory, timestamp buffers, mapped blocks. */
export type HandleKind = 'cb' | 'mem' | 'ts' | 'block';

// A handle carries its kind in bits 40..43 and a device-unique id from bit 12, so it is page-aligned
// (usable as an mmap offset, as the real driver's are) and a handle of one kind never names another.
const TAG: { readonly [K in HandleKind]: bigint } = { cb: 1n, mem: 2n, ts: 3n, block: 4n };

export function handleKindOf(handle: bigint): HandleKind | undefined {
  const tag = (handle >> 40n) & 0xfn;
  return (Object.keys(TAG) as HandleKind[]).find((k) => TAG[k] === tag);
}

interface Entry {
  readonly kind: HandleKind;
  readonly object: unknown;
  readonly owner: HandleTable;
}

/** Every live handle of a device: issues ids, and serves the shared-namespace mutation. */
export class DeviceHandles {
  private nextId = 1n;
  readonly all = new Map<bigint, Entry>();

  issue(kind: HandleKind): bigint {
    const id = this.nextId;
    this.nextId += 1n;
    return (TAG[kind] << 40n) | (id << 12n);
  }
}

/**
 * The handles of one file (one context). Lookups see only this file's handles, which is what keeps
 * contexts apart; the `shared-handle-namespace` mutation makes them see every file's.
 */
export class HandleTable {
  private readonly own = new Map<bigint, Entry>();
  private readonly device: DeviceHandles;
  private readonly mutations: Mutations;

  constructor(device: DeviceHandles, mutations: Mutations) {
    this.device = device;
    this.mutations = mutations;
  }

  /** Issues a handle and registers the object `make` builds for it. */
  add<T>(kind: HandleKind, make: (handle: bigint) => T): T {
    const handle = this.device.issue(kind);
    const object = make(handle);
    const e: Entry = { kind, object, owner: this };
    this.own.set(handle, e);
    this.device.all.set(handle, e);
    return object;
  }

  /** The object behind `handle` if it is a live handle of `kind` visible to this file. */
  get<T>(kind: HandleKind, handle: bigint): T | undefined {
    const e = this.mutations['shared-handle-namespace'] ? this.device.all.get(handle) : this.own.get(handle);
    return e !== undefined && e.kind === kind ? (e.object as T) : undefined;
  }

  /** Whether `handle` is live in another file of the device (a foreign handle rather than a stale one). */
  isForeign(handle: bigint): boolean {
    const e = this.device.all.get(handle);
    return e !== undefined && e.owner !== this;
  }

  remove(handle: bigint): void {
    const e = this.device.all.get(handle);
    if (e === undefined) return;
    e.owner.own.delete(handle);
    this.device.all.delete(handle);
  }

  /** This file's objects of one kind. */
  list<T>(kind: HandleKind): T[] {
    const out: T[] = [];
    for (const e of this.own.values()) if (e.kind === kind) out.push(e.object as T);
    return out;
  }

  /** Drops every handle of this file (on close). */
  clear(): void {
    for (const h of this.own.keys()) this.device.all.delete(h);
    this.own.clear();
  }
}
