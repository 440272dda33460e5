import type { Abi } from '../../core/layout/abi';
import { layoutEngine, type RecordLayout } from '../../core/layout/engine';
import type { RecordDecl } from '../../core/model/model';
import type { SideContext } from './context';
import { growth } from './growth';
import { asArray, bitsOf, exclusive, insideBits, leavesOf, onlySignednessDiffers, overlaps, overlapsBits, type Leaf } from './leaves';
import { holeGivenMeaning, narrowed, reservedGivenMeaning, type BytesOwner } from './new-meaning';
import * as R from './rules';
import type { ChangeSink } from './sink';

const parentOf = (p: string): string => p.slice(0, Math.max(0, p.lastIndexOf('.')));

const lastName = (p: string): string => p.slice(p.lastIndexOf('.') + 1);
/** A field that holds a set of bits (`rw_flags`, `caps_mask`): signedness means nothing to it. */
const FLAGS_WORD = /(^|_)(flags|mask|caps|bits)$/i;
const related = (a: string, b: string): boolean => a === b || a.endsWith(`_${b}`) || b.endsWith(`_${a}`);

/**
 * A rename in place is only a rename when the name did not travel: if the bytes got an unrelated name
 * while a field named like the old one (`queue_full_drop_cnt` -> `ctx_queue_full_drop_cnt`) sits
 * elsewhere, the bytes changed meaning (the 5.13 cs_counters reshape).
 */
function sameMeaningElsewhere(o: Leaf, same: Leaf, newLeaves: readonly Leaf[]): Leaf | undefined {
  const name = lastName(o.path);
  if (related(lastName(same.path), name)) return undefined;
  return newLeaves.find((n) => n !== same && n.typeKey === o.typeKey && n.offset !== o.offset && related(lastName(n.path), name));
}

/** `__u64 x` -> `__u64 x[2]` (or a longer array) at the same offset, over bytes no other old field used. */
function arrayExtended(o: Leaf, n: Leaf, oldLeaves: readonly Leaf[]): boolean {
  const a = asArray(o);
  const b = asArray(n);
  if (n.offset !== o.offset || a.element !== b.element || b.length <= a.length || n.bitSize !== undefined) return false;
  const grown = { offset: o.end, end: n.end };
  return !oldLeaves.some((x) => x !== o && !x.reserved && overlaps(grown, x));
}

/**
 * `T x[N]` -> `T x[]` (or `T x[0]`) at the same offset: the kernel's conversion of one-element arrays
 * (`__le16 wData[1]` -> `union { __le16 legacy_padding; __DECLARE_FLEX_ARRAY(__le16, wData); }`).
 * Element i is where it was; whether the type kept its size is the size rules' to judge.
 */
function arrayMadeFlexible(o: Leaf, n: Leaf): boolean {
  const a = asArray(o);
  const b = asArray(n);
  return n.offset === o.offset && a.element === b.element && a.length > 0 && b.length === 0 && n.bitSize === undefined && o.bitSize === undefined;
}

/**
 * `__u32 x` -> `__u16 x` at the same offset with the rest of x's bytes now reserved or unnamed: the
 * new leaves that fill the rest, or undefined when it is no such narrowing.
 */
function narrowedRest(o: Leaf, n: Leaf, newLeaves: readonly Leaf[]): Leaf[] | undefined {
  if (n.offset !== o.offset || n.size >= o.size || n.bitSize !== undefined || o.bitSize !== undefined) return undefined;
  if (o.member.type.kind !== 'scalar' || n.member.type.kind !== 'scalar') return undefined;
  const rest = { offset: n.end, end: o.end };
  const inRest = newLeaves.filter((l) => l !== n && overlaps(l, rest));
  return inRest.every((l) => l.reserved && l.offset >= rest.offset && l.end <= rest.end) ? inRest : undefined;
}

/** `T x[4]` -> `T x[2]` at the same offset: the new leaves in the freed tail, or undefined. */
function shortenedTail(o: Leaf, n: Leaf, newLeaves: readonly Leaf[], oldPaths: ReadonlySet<string>): Leaf[] | undefined {
  const a = asArray(o);
  const b = asArray(n);
  if (n.offset !== o.offset || a.element !== b.element || b.length >= a.length || b.length === 0 || n.bitSize !== undefined) return undefined;
  const tail = { offset: n.end, end: o.end };
  const inTail = newLeaves.filter((l) => l !== n && overlaps(l, tail));
  return inTail.every((l) => !oldPaths.has(l.path) && l.offset >= tail.offset && l.end <= tail.end) ? inTail : undefined;
}

/** `__u64 buf[]` -> `__u8 buf[]`: a trailing array of no fixed length that changed its element type. */
const flexibleRetyped = (o: Leaf, n: Leaf): boolean =>
  n.offset === o.offset && o.size === 0 && n.size === 0 && asArray(o).length === 0 && asArray(n).length === 0 && o.typeKey !== n.typeKey;

/** Field-level comparison of one type on one ABI, matching fields by byte range before name. */
function compareFields(name: string, oldR: RecordLayout, newR: RecordLayout, abi: Abi, owner: BytesOwner, sink: ChangeSink): boolean {
  const oldLeaves = leavesOf(oldR);
  const newLeaves = leavesOf(newR);
  const newByPath = new Map(newLeaves.map((l) => [l.path, l]));
  const explained = new Set<Leaf>();
  // Where each old field lives now: same path, or the field it was renamed to in place.
  const counterpart = new Map<string, Leaf>();
  let shifted = false;
  const subject = (l: Leaf): string => `${newR.kind} ${name}.${l.path}`;
  const emitMeaning = (n: Leaf, m: { rule: typeof R.PAD_GIVEN_MEANING; message: string }, old: string | null): void =>
    sink.emit(m.rule, subject(n), abi.name, old, n.path, m.message, n.member.loc);
  const oldSubject = (l: Leaf): string => `${oldR.kind} ${name}.${l.path}`;

  const oldPaths = new Set(oldLeaves.map((l) => l.path));
  for (const o of oldLeaves) {
    if (o.reserved) {
      // Reserved bytes may be carved up, renamed or renumbered: judge what now lies inside them, in the
      // same struct (not another arm of a union). A field that existed before is matched by name.
      const kept = newByPath.get(o.path);
      if (kept !== undefined) counterpart.set(o.path, kept);
      if (kept !== undefined && kept.reserved && (bitsOf(kept).offset !== bitsOf(o).offset || bitsOf(kept).end !== bitsOf(o).end)) {
        sink.emit(R.RESERVED_RENUMBERED, subject(kept), abi.name, `${o.path}@${o.offset}+${o.size}`, `${kept.path}@${kept.offset}+${kept.size}`, `reserved ${o.path} (offset ${o.offset}, ${o.size} bytes) is now offset ${kept.offset}, ${kept.size} bytes`, kept.member.loc);
      }
      for (const n of newLeaves) {
        if (!insideBits(n, o) || parentOf(n.path) !== parentOf(o.path) || (oldPaths.has(n.path) && n.path !== o.path)) continue;
        if (kept !== undefined && kept !== n && exclusive(n, kept)) continue;
        explained.add(n);
        if (n.reserved) {
          if (n.path !== o.path || bitsOf(n).offset !== bitsOf(o).offset || bitsOf(n).end !== bitsOf(o).end) {
            sink.emit(R.RESERVED_RENUMBERED, subject(n), abi.name, `${o.path}@${o.offset}+${o.size}`, `${n.path}@${n.offset}+${n.size}`, `reserved ${o.path} (offset ${o.offset}, ${o.size} bytes) is now ${n.path} (offset ${n.offset}, ${n.size} bytes), inside the old reserved bytes`, n.member.loc);
          }
        } else {
          emitMeaning(n, reservedGivenMeaning(owner, n, [o], `part of former ${o.path}`), o.path);
        }
      }
      continue;
    }
    const n = newByPath.get(o.path);
    if (n !== undefined) {
      explained.add(n);
      counterpart.set(o.path, n);
      // Both return at their first check unless the field kept its offset and shrank.
      const tail = shortenedTail(o, n, newLeaves, oldPaths);
      const rest = tail === undefined ? narrowedRest(o, n, newLeaves) : undefined;
      if (n.offset !== o.offset || n.bitOffset !== o.bitOffset) {
        shifted = true;
        const from = o.bitOffset !== undefined ? `bit ${o.bitOffset}` : `offset ${o.offset}`;
        const to = n.bitOffset !== undefined ? `bit ${n.bitOffset}` : `offset ${n.offset}`;
        sink.emit(R.FIELD_MOVED, subject(n), abi.name, o.bitOffset ?? o.offset, n.bitOffset ?? n.offset, `${o.path} moved from ${from} to ${to}`, n.member.loc);
      } else if (arrayExtended(o, n, oldLeaves)) {
        sink.emit(R.ARRAY_EXTENDED, subject(n), abi.name, o.typeName, n.typeName, `${o.path} grew from ${o.typeName} to ${n.typeName} in place: the old elements keep their bytes`, n.member.loc);
      } else if (arrayMadeFlexible(o, n)) {
        sink.emit(R.ARRAY_MADE_FLEXIBLE, subject(n), abi.name, o.typeName, n.typeName, `${o.path} changed from ${o.typeName} to the flexible array ${n.typeName} at offset ${n.offset}: its elements keep their bytes`, n.member.loc);
      } else if (flexibleRetyped(o, n)) {
        sink.emit(R.FLEXIBLE_ARRAY_RETYPED, subject(n), abi.name, o.typeName, n.typeName, `${o.path} changed from ${o.typeName} to ${n.typeName} at offset ${n.offset}: the bytes start where they did, but a count of its elements now counts another unit; check the field that sizes it`, n.member.loc);
      } else if (tail !== undefined) {
        for (const l of tail) explained.add(l);
        const what = tail.length > 0 ? `now hold ${tail.map((l) => l.path).join(', ')}` : 'are now padding';
        sink.emit(R.ARRAY_SHORTENED, subject(n), abi.name, o.typeName, n.typeName, `${o.path} shrank from ${o.typeName} to ${n.typeName} at offset ${n.offset}; bytes ${n.end}..${o.end - 1} ${what}: old binaries that used the dropped elements set or read them. Check that the dropped elements were unused, then waive it`, n.member.loc);
      } else if (rest !== undefined) {
        for (const r of rest) explained.add(r);
        const m = narrowed(owner, o, n, abi.endian === 'big');
        sink.emit(m.rule, subject(n), abi.name, o.typeName, n.typeName, m.message, n.member.loc);
      } else if (n.typeKey !== o.typeKey || n.size !== o.size || n.bitSize !== o.bitSize) {
        shifted = true;
        const rule = !onlySignednessDiffers(o, n) ? R.FIELD_RETYPED : FLAGS_WORD.test(lastName(n.path)) ? R.FLAGS_SIGNEDNESS_CHANGED : R.FIELD_SIGNEDNESS_CHANGED;
        sink.emit(rule, subject(n), abi.name, o.typeName, n.typeName, `${o.path} changed from ${o.typeName} (${o.size} bytes) to ${n.typeName} (${n.size} bytes) at offset ${n.offset}`, n.member.loc);
      }
      if (n.reserved) {
        sink.emit(R.FIELD_MADE_RESERVED, subject(n), abi.name, o.path, n.path, `${o.path} is now pad/reserved and must be zero: callers that set it are rejected`, n.member.loc);
      }
      continue;
    }
    const same = newLeaves.find((x) => !explained.has(x) && !newByPath.has(o.path) && x.offset === o.offset && x.size === o.size && x.typeKey === o.typeKey && x.bitOffset === o.bitOffset && oldLeaves.every((y) => y.path !== x.path));
    if (same !== undefined) {
      explained.add(same);
      counterpart.set(o.path, same);
      const elsewhere = sameMeaningElsewhere(o, same, newLeaves);
      if (same.reserved) sink.emit(R.FIELD_MADE_RESERVED, subject(same), abi.name, o.path, same.path, `${o.path} became ${same.path}, which must be zero: callers that set it are rejected`, same.member.loc);
      else if (elsewhere !== undefined) {
        shifted = true;
        sink.emit(R.FIELD_MOVED, oldSubject(o), abi.name, o.offset, elsewhere.offset, `${o.path}'s bytes (offset ${o.offset}) now hold ${same.path}, while ${elsewhere.path} at offset ${elsewhere.offset} carries its name: old binaries read the wrong value`, elsewhere.member.loc);
      } else sink.emit(R.FIELD_RENAMED, subject(same), abi.name, o.path, same.path, `${o.path} is now named ${same.path} (same type, same bytes)`, same.member.loc);
      continue;
    }
    shifted = true;
    sink.emit(R.FIELD_REMOVED, oldSubject(o), abi.name, o.path, null, `${o.path} (${o.typeName}, offset ${o.offset}) was removed`, o.member.loc);
  }

  // A new field is judged against the old fields of its own struct (its union arm), not other arms.
  const sameParent = (l: Leaf): Leaf[] => oldLeaves.filter((o) => parentOf(o.path) === parentOf(l.path));
  const extent = (l: Leaf): number => (parentOf(l.path) === '' ? oldR.size : Math.max(0, ...sameParent(l).map((o) => o.end)));
  // Old fields still live in the new layout unless the new field is another arm of a union they sit in.
  // Old reserved bytes never conflict: a new field over them gives them a meaning (judged apart).
  const conflicting = (n: Leaf): Leaf[] => oldLeaves.filter((o) => {
    if (o.reserved || !overlapsBits(n, o)) return false;
    const now = counterpart.get(o.path);
    return now === undefined || !exclusive(n, now);
  });
  // Bytes that were reserved in the old struct, for new fields spanning several old reserved fields.
  const oldReserved = oldLeaves.filter((o) => o.reserved);
  const withinReserved = (n: Leaf): boolean => {
    const bits = bitsOf(n);
    for (let b = bits.offset; b < bits.end; b++) {
      if (!oldReserved.some((o) => parentOf(o.path) === parentOf(n.path) && b >= bitsOf(o).offset && b < bitsOf(o).end)) return false;
    }
    return true;
  };
  for (const n of newLeaves) {
    if (explained.has(n) || oldPaths.has(n.path)) continue;
    if (withinReserved(n)) {
      if (n.reserved) sink.emit(R.RESERVED_RENUMBERED, subject(n), abi.name, null, `${n.path}@${n.offset}+${n.size}`, `reserved ${n.path} (offset ${n.offset}, ${n.size} bytes) lies inside bytes that were reserved`, n.member.loc);
      else emitMeaning(n, reservedGivenMeaning(owner, n, oldReserved.filter((o) => overlapsBits(n, o)), 'which were reserved'), null);
      continue;
    }
    const overlapped = oldLeaves.some((o) => overlapsBits(n, o));
    if (overlapped && conflicting(n).length === 0) {
      sink.emit(R.UNION_MEMBER_ADDED, subject(n), abi.name, null, n.offset, `${n.path} (${n.typeName}) was added as another union member over bytes ${n.offset}..${n.end - 1}; existing members keep their bytes`, n.member.loc);
    } else if (n.offset >= extent(n)) {
      sink.emit(R.FIELD_APPENDED, subject(n), abi.name, null, n.offset, `${n.path} (${n.typeName}) added at offset ${n.offset}, beyond the old size ${oldR.size}`, n.member.loc);
    } else if (conflicting(n).length === 0) {
      const m = holeGivenMeaning(owner, n);
      sink.emit(m.rule, subject(n), abi.name, null, n.offset, m.message, n.member.loc);
    } else {
      shifted = true;
      sink.emit(R.FIELD_INSERTED, subject(n), abi.name, null, n.offset, `${n.path} (${n.typeName}) was inserted at offset ${n.offset}, over bytes old fields used`, n.member.loc);
    }
  }
  return shifted;
}

/** Compares every type present on both sides, on one ABI. */
export function compareRecords(oldCtx: SideContext, newCtx: SideContext, abi: Abi, sink: ChangeSink): void {
  const oldE = layoutEngine(oldCtx.spec, abi);
  const newE = layoutEngine(newCtx.spec, abi);
  for (const nd of newCtx.spec.records) {
    if (nd.name === undefined) continue;
    const od: RecordDecl | undefined = oldE.findRecord(nd.name);
    if (od === undefined) continue;
    const oldR = oldE.record(nd.name);
    const newR = newE.record(nd.name);
    const subject = `${nd.kind} ${nd.name}`;
    if (od.kind !== nd.kind) sink.emit(R.TYPE_KIND_CHANGED, subject, abi.name, od.kind, nd.kind, `${od.kind} ${nd.name} is now a ${nd.kind}`, nd.loc);
    const shifted = compareFields(nd.name, oldR, newR, abi, { record: nd.name, oldCtx, newCtx }, sink);
    if (newR.size !== oldR.size) {
      const layoutKept = (r: string): boolean => {
        if (oldE.findRecord(r) === undefined || newE.findRecord(r) === undefined) return false;
        const before = oldE.record(r);
        const after = newE.record(r);
        if (before.size !== after.size) return false;
        const now = new Map(leavesOf(after).map((l) => [l.path, l]));
        return leavesOf(before).every((l) => { const n = now.get(l.path); return n === undefined || (n.offset === l.offset && n.bitOffset === l.bitOffset); });
      };
      const grown = newR.size > oldR.size && !shifted ? growth(nd.name, newR, oldR.size, newCtx, layoutKept) : { rule: R.STRUCT_SIZE_CHANGED, message: `size ${oldR.size} -> ${newR.size}` };
      sink.emit(grown.rule, subject, abi.name, oldR.size, newR.size, grown.message, nd.loc);
    }
    if (newR.align !== oldR.align) sink.emit(R.STRUCT_ALIGN_CHANGED, subject, abi.name, oldR.align, newR.align, `alignment ${oldR.align} -> ${newR.align}`, nd.loc);
  }
}
