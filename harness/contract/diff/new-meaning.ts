import type { SideContext } from './context';
import { kernelOnlyWrites, pathFlow, type Flow } from './flow';
import type { Leaf } from './leaves';
import type { Rule } from './rule';
import * as R from './rules';

/**
 * Where a new field takes bytes that had no meaning before (reserved fields, implicit padding), who
 * reads those bytes decides whether an old binary can notice: bytes only the kernel writes are never
 * read by old binaries; bytes the kernel reads were zero from old binaries only where old kernels
 * rejected anything else.
 */
export interface BytesOwner {
  readonly record: string;
  readonly oldCtx: SideContext;
  readonly newCtx: SideContext;
}

/** The flow of a leaf: what either side's ioctls say of its record, narrowed by the leaf's path. */
function leafFlow(owner: BytesOwner, leaf: Leaf): Flow {
  const a = owner.newCtx.flowOf(owner.record);
  const b = owner.oldCtx.flowOf(owner.record);
  const record = { reads: a.reads || b.reads, writes: a.writes || b.writes };
  return pathFlow(record, leaf.path, leaf.member);
}

/** A new field inside former reserved bytes (`formerly`: the old reserved fields it lies in). */
export function reservedGivenMeaning(owner: BytesOwner, n: Leaf, formerly: readonly Leaf[], was: string): { rule: Rule; message: string } {
  const bytes = `${n.path} (${n.typeName}) takes bytes ${n.offset}..${n.end - 1}, ${was}`;
  const flow = leafFlow(owner, n);
  if (kernelOnlyWrites(flow)) return { rule: R.PAD_GIVEN_MEANING, message: `${bytes}: only the kernel writes them, so old binaries never read them` };
  const declared = formerly.length > 0 && formerly.every((o) => o.member.annotations?.role !== undefined);
  if (declared || owner.oldCtx.reservedChecked(owner.record)) {
    const why = owner.oldCtx.headerMode ? 'a DRM ioctl carries it and DRM drivers reject non-zero pad' : 'the spec declares them pad/reserved, which must be zero';
    return { rule: R.PAD_GIVEN_MEANING, message: `${bytes}: callers had to zero them (${why}), so old binaries mean "0"` };
  }
  const who = flow.reads ? 'the kernel reads them' : 'nothing in this uAPI shows who reads them';
  return {
    rule: R.PAD_GIVEN_MEANING_UNCHECKED,
    message: `${bytes}: ${who}, and nothing shows that old kernels rejected non-zero there, so an old binary that left garbage now passes a value. Check that the driver rejected non-zero reserved bytes, then declare the field's role in a spec or waive it`,
  };
}

/** A new field in former implicit padding (no field covered those bytes). */
export function holeGivenMeaning(owner: BytesOwner, n: Leaf): { rule: Rule; message: string } {
  // A hole written out as `pad`/`reserved` gives the bytes no meaning: the kernel's convention is to
  // spell padding out (botching-up-ioctls), and a check on it in an existing ioctl would be a driver
  // change of its own, which no header shows.
  if (n.reserved) return { rule: R.HOLE_NAMED_PAD, message: `${n.path} is now an explicit pad over bytes ${n.offset}..${n.end - 1}, which were implicit padding: the same bytes, still without a meaning` };
  const bytes = `${n.path} uses bytes ${n.offset}..${n.end - 1}, which were implicit padding`;
  if (kernelOnlyWrites(leafFlow(owner, n))) return { rule: R.HOLE_GIVEN_MEANING_OUTPUT, message: `${bytes}: only the kernel writes them, so old binaries never read them` };
  return {
    rule: R.HOLE_GIVEN_MEANING,
    message: `${bytes} that old callers never had to zero: an old binary that left garbage there now passes a value. Check how old userspace fills the struct, then waive it or use a new field`,
  };
}

/** A field narrowed at its offset, the rest of its bytes now padding (`__u32 port` -> `__be16 port; __u16 :16`). */
export function narrowed(owner: BytesOwner, o: Leaf, n: Leaf, bigEndian: boolean): { rule: Rule; message: string } {
  const base = `${o.path} narrowed from ${o.typeName} (${o.size} bytes) to ${n.typeName} (${n.size} bytes) at offset ${n.offset}, the rest of its bytes now padding`;
  const flow = leafFlow(owner, n);
  if (bigEndian && (flow.reads || flow.writes)) {
    return { rule: R.FIELD_NARROWED_BIG_ENDIAN, message: `${base}: on this big-endian ABI the low-order bytes of the old value now lie in the padding, so old binaries' values are misread` };
  }
  return { rule: R.FIELD_NARROWED, message: `${base}: values that fit keep their meaning${bigEndian ? ' only if whatever carries the struct converts them (nothing in this uAPI carries it)' : ''}; larger values old binaries pass are cut or rejected` };
}
