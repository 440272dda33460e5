import { errnoName } from '../../../../../../emulator/errno';
import { undefinedBits } from '../../../../pbt/args/scalar-arbitrary';
import { toJson } from '../../../../../core/util/json';
import { ensure, type RuleId } from '../../../../pbt/rules';
import type { IoctlFacts } from '../../../../pbt/spec-facts/ioctl-facts';
import type { Env } from '../env';
import type { Real, Side } from '../real';
import { pick, type ModelState, type SlotModel } from '../state';
import type { AddrRef, HandleRef } from './data';

/** What a command handler works with: the model, the real sides, and the environment. */
export interface Exec {
  readonly m: ModelState;
  readonly r: Real;
  readonly env: Env;
}

/**
 * Runs `f` on every side (the ABI under test and its mirror) and demands identical observations
 * (D13); returns the first side's. Observations are plain data: errnos and decoded values, never host
 * addresses (they differ between ABIs by nature).
 */
export function onSides<O>(r: Real, what: string, f: (side: Side) => O): O {
  const first = r.sides[0];
  if (first === undefined) throw new Error('no side to run on');
  const a = f(first);
  for (const side of r.sides.slice(1)) {
    const b = f(side);
    const ja = toJson(a, 0);
    const jb = toJson(b, 0);
    ensure(ja === jb, 'D13/32-bit-abi-same-result', () => `${what}: ${ja} on ${first.system.abi.name}, ${jb} on ${side.system.abi.name}`);
  }
  return a;
}

/** The errno must be one of `allowed` (several when the call has several faults: D6 fixes no order). */
export function expectErrno(got: number, allowed: readonly number[], rule: RuleId, what: () => string): void {
  ensure(allowed.includes(got), rule, () => `${what()} gave ${errnoName(got)}, expected ${[...new Set(allowed)].map(errnoName).join(' or ')}`);
}

export function slotOf(m: ModelState, i: number): SlotModel {
  const s = m.slots[i];
  if (s === undefined) throw new Error(`no slot ${i}`);
  return s;
}

/** Another open slot than `i`, if any (whose handles are foreign to `i`). */
export function otherSlot(m: ModelState, i: number): SlotModel | undefined {
  return m.slots.find((s, j) => j !== i && s.open);
}

/** How the device must treat a handle: this file's live one, or one it must reject as stale or foreign. */
export type HandleClass = 'own' | 'stale' | 'foreign';

export interface ResolvedHandle {
  readonly value: bigint;
  readonly cls: HandleClass;
}

/** A handle value that is no handle at all: its low bits are set, and handles are page-aligned. */
const garbage = (p: number): bigint => 0x1234n + BigInt(p) * 0x10000n;

/**
 * Resolves a handle reference of kind `kind` for slot `i`. A handle of another kind that this file
 * owns is stale for this kind; one live in another file is foreign (the device knows it, but not for
 * this file).
 */
export function resolveHandle(m: ModelState, i: number, kind: 'cb' | 'mem', ref: HandleRef): ResolvedHandle {
  const s = slotOf(m, i);
  const own = kind === 'cb' ? s.cbs.map((c) => c.handle) : s.mems.map((x) => x.handle);
  const other = otherSlot(m, i);
  switch (ref.from) {
    case 'own': {
      const h = pick(own, ref.pick);
      return h !== undefined ? { value: h, cls: 'own' } : { value: garbage(ref.pick), cls: 'stale' };
    }
    case 'stale': {
      const d = pick(m.dead.filter((x) => x.kind === kind), ref.pick);
      return { value: d?.handle ?? garbage(ref.pick), cls: 'stale' };
    }
    case 'foreign': {
      const theirs = other === undefined ? [] : kind === 'cb' ? other.cbs.map((c) => c.handle) : other.mems.map((x) => x.handle);
      const h = pick(theirs, ref.pick);
      return h !== undefined ? { value: h, cls: 'foreign' } : { value: garbage(ref.pick), cls: 'stale' };
    }
    case 'otherKind': {
      const h = pick(kind === 'cb' ? s.mems.map((x) => x.handle) : s.cbs.map((c) => c.handle), ref.pick);
      return { value: h ?? garbage(ref.pick), cls: 'stale' };
    }
    case 'garbage': return { value: garbage(ref.pick), cls: 'stale' };
  }
}

/** A device address for slot `i`'s DMA or unmap, before the model judges it. */
export function resolveAddr(m: ModelState, i: number, ref: AddrRef): { va: bigint; room: bigint } {
  const s = slotOf(m, i);
  const within = (va: bigint, size: bigint): { va: bigint; room: bigint } => {
    const off = size <= 1n ? 0n : (size * BigInt(ref.at)) / 256n;
    return { va: va + off, room: size - off };
  };
  switch (ref.from) {
    case 'own': {
      const mp = pick(s.mappings, ref.pick);
      return mp !== undefined ? within(mp.va, mp.size) : { va: 0xfff0_0000_0000n, room: 64n };
    }
    case 'foreign': {
      // Another context's memory this one does not map at the same address, when there is such.
      const theirs = otherSlot(m, i)?.mappings ?? [];
      const apart = theirs.filter((mp) => !s.mappings.some((o) => mp.va >= o.va && mp.va < o.va + o.size));
      const mp = pick(apart.length > 0 ? apart : theirs, ref.pick);
      return mp !== undefined ? within(mp.va, mp.size) : { va: 0xfff0_0000_0000n, room: 64n };
    }
    case 'stale': {
      const va = pick(s.unmapped, ref.pick);
      return { va: va ?? 0xfff0_0000_0000n, room: 4096n };
    }
    case 'cb': {
      const cb = pick(s.cbs.filter((c) => c.deviceVa !== undefined), ref.pick);
      return { va: cb?.deviceVa ?? 0xfff0_0000_0000n, room: 4096n };
    }
    case 'garbage': return { va: 0x0fff_0000_0000n + BigInt(ref.pick) * 0x1000n, room: 4096n };
  }
}

/** The mapping of slot `i` wholly holding [va, va + length), if any (what the parser must find). */
export function ownMappingHolding(m: ModelState, i: number, va: bigint, length: bigint): { writable: boolean } | undefined {
  return slotOf(m, i).mappings.find((x) => va >= x.va && va + length <= x.va + x.size);
}

/**
 * Bits of a `bytes`-wide flags field that the client's group `group` leaves undefined and the
 * device's group of that name too: setting one is an unknown flag for both. (An older client's
 * undefined bit may be a flag the newer driver added: that is no fault.)
 */
export function unknownFlagBits(env: Env, group: string, bytes: number): number[] {
  const mine = env.facts.group(group);
  if (mine === undefined) return [];
  const bits = undefinedBits(bytes, mine.mask);
  if (env.device === env.facts) return bits;
  const theirs = env.device.group(group);
  return theirs === undefined ? [] : bits.filter((b) => (theirs.mask & (1n << BigInt(b))) === 0n);
}

/** The spec facts of an ioctl the model uses (present: the model's setup checked the names). */
export function ioctlOf(x: Exec, name: string): IoctlFacts {
  const f = x.env.facts.ioctl(name);
  if (f === undefined) throw new Error(`the spec has no ioctl ${name}`);
  return f;
}
