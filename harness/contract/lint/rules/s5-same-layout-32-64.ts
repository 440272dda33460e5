import type { Abi } from '../../../core/layout/abi';
import type { MemberLayout, RecordLayout } from '../../../core/layout/engine';
import type { LintContext, RecordEntry } from '../context';
import { atRecord, place } from '../locate';
import type { LintRule, RuleFinding } from '../rule';
import { withoutArrays } from '../type-facts';

/** 32-bit ABIs and the 64-bit ABI whose kernel runs their binaries (compat). */
export const COMPAT_PAIRS: readonly (readonly [string, string])[] = [['i386', 'x86_64'], ['arm', 'aarch64']];

interface Placed {
  readonly offset: number;
  readonly size: number;
  readonly member: MemberLayout;
}

// Fields by the name C gives them (`a`, `in.flags`), with absolute offsets. Inline records are
// entered; a named struct member counts as one block (its insides are that struct's own finding).
function flatten(r: RecordLayout, base: number, prefix: string, out: Map<string, Placed>): Map<string, Placed> {
  for (const m of r.members) {
    const offset = base + m.offset;
    if (m.name === undefined) {
      if (m.record !== undefined) flatten(m.record, offset, prefix, out);
      continue;
    }
    const name = `${prefix}${m.name}`;
    out.set(name, { offset, size: m.size, member: m });
    if (m.record !== undefined && m.type.kind === 'record') flatten(m.record, offset, `${name}.`, out);
  }
  return out;
}

function compare(ctx: LintContext, r: RecordEntry, narrow: Abi, wide: Abi): RuleFinding[] {
  const a = ctx.layout(r, narrow);
  const b = ctx.layout(r, wide);
  const out: RuleFinding[] = [];
  const on = (x: number, y: number): string => `${x} on ${narrow.name} but ${y} on ${wide.name}`;
  const abis = [narrow.name, wide.name];
  if (a.size !== b.size) {
    out.push({
      subject: r.path,
      message: `size ${on(a.size, b.size)}: a 32-bit process (${narrow.name}) on a 64-bit kernel (${wide.name}) passes the other layout and request number, so the driver would need a compat ioctl to translate it`,
      abis,
      ...atRecord(r),
    });
  }
  const fa = flatten(a, 0, '', new Map());
  const fb = flatten(b, 0, '', new Map());
  const both = [...fb.entries()].flatMap(([name, y]) => {
    const x = fa.get(name);
    return x !== undefined ? [{ name, x, y }] : [];
  });
  const field = (f: (typeof both)[number], message: string): RuleFinding =>
    ({ subject: `${r.memberPrefix}.${f.name}`, message, abis, ...place(f.y.member.member.loc ?? r.loc, r.owner) });
  const moved = both.filter((f) => f.x.offset !== f.y.offset);
  const first = moved[0];
  if (first !== undefined) {
    const more = moved.length - 1;
    out.push(field(first, `offset ${on(first.x.offset, first.y.offset)}${more > 0 ? `, and ${more} later field${more === 1 ? ' moves' : 's move'} too` : ''}`));
  }
  // A member of a named struct type that differs in size is that struct's own finding.
  const ownSize = (f: (typeof both)[number]): boolean => withoutArrays(f.y.member.type).kind !== 'ref';
  for (const f of both.filter((g) => g.x.size !== g.y.size && ownSize(g))) out.push(field(f, `size ${on(f.x.size, f.y.size)}`));
  return out;
}

export const s5SameLayout32And64: LintRule = {
  id: 'S5',
  name: 'same-layout-32-64',
  severity: 'error',
  purpose: 'identical size and offsets on 32- and 64-bit ABIs (i386 vs x86_64, arm vs aarch64), so no compat ioctl is needed',
  check(ctx) {
    const pairs = COMPAT_PAIRS.flatMap(([n, w]) => {
      const narrow = ctx.abis.find((a) => a.name === n);
      const wide = ctx.abis.find((a) => a.name === w);
      return narrow !== undefined && wide !== undefined ? [[narrow, wide] as const] : [];
    });
    // Inline records are compared as part of the top-level record that holds them.
    const topLevel = ctx.records.filter((r) => r.topLevel);
    return topLevel.flatMap((r) => pairs.flatMap(([narrow, wide]) => compare(ctx, r, narrow, wide)));
  },
};
