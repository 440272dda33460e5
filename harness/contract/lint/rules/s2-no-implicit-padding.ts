import type { Abi } from '../../../core/layout/abi';
import type { MemberLayout } from '../../../core/layout/engine';
import { acrossAbis } from '../across-abis';
import type { LintContext, MemberEntry, RecordEntry } from '../context';
import { atMember, atRecord } from '../locate';
import type { LintRule, RuleFinding } from '../rule';
import { naturalAlign } from '../type-facts';

/** The explicit field that fills `n` bytes, as kernel headers spell it. */
function padField(n: number): string {
  if (n === 1) return '__u8 pad';
  if (n === 2) return '__u16 pad';
  if (n === 4) return '__u32 pad';
  return `__u8 pad[${n}]`;
}

const WHY = 'callers leave compiler padding uninitialised, so it can leak kernel memory on the way out, cannot be checked for zero on the way in, and can never be given a meaning';

// Byte range a member occupies (a bit-field: the bytes its bits touch).
function extent(m: MemberLayout): { start: number; end: number } {
  if (m.bitOffset !== undefined && m.bitSize !== undefined) {
    return { start: Math.floor(m.bitOffset / 8), end: Math.ceil((m.bitOffset + m.bitSize) / 8) };
  }
  return { start: m.offset, end: m.offset + m.size };
}

function entryOf(r: RecordEntry, m: MemberLayout): MemberEntry | undefined {
  return r.members.find((e) => e.member === m.member);
}

/** Holes and tail padding at this record's own level (nested records are checked on their own). */
function checkRecord(ctx: LintContext, r: RecordEntry, abi: Abi): RuleFinding[] {
  const layout = ctx.layout(r, abi);
  const engine = ctx.engine(abi);
  const out: RuleFinding[] = [];
  let end = 0;
  for (const m of layout.members) {
    const e = entryOf(r, m);
    const subject = e?.path ?? r.path;
    const where = e !== undefined ? atMember(e) : atRecord(r);
    const x = extent(m);
    if (layout.kind === 'struct' && x.start > end) {
      const gap = x.start - end;
      out.push({ subject, message: `${gap}-byte hole before it (offset ${end}): ${WHY}; declare \`${padField(gap)}\``, ...where });
    }
    if (m.bitSize === undefined) {
      const natural = naturalAlign(engine, m.type);
      if (m.offset % natural !== 0) {
        out.push({ subject, message: `at offset ${m.offset}, not a multiple of its natural alignment ${natural}: other ABIs place it elsewhere and some CPUs trap on unaligned access; pad before it`, ...where });
      }
    }
    end = layout.kind === 'struct' ? Math.max(end, x.end) : Math.max(end, x.end - x.start);
  }
  if (layout.size > end) {
    const gap = layout.size - end;
    out.push({ subject: r.path, message: `${gap}-byte tail padding (offset ${end}, size ${layout.size}): ${WHY}; declare \`${padField(gap)}\` at the end`, ...atRecord(r) });
  }
  return out;
}

export const s2NoImplicitPadding: LintRule = {
  id: 'S2',
  name: 'no-implicit-padding',
  severity: 'error',
  purpose: 'every member naturally aligned and no compiler-inserted padding on any ABI: holes are explicit pad fields',
  check(ctx) {
    return ctx.records.flatMap((r) => acrossAbis(ctx, (abi) => checkRecord(ctx, r, abi)));
  },
};
