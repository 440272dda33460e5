import { anonymousPosition, type DumpedRecordLayout } from '../clang/record-layout-dump';
import type { RecordDecl, Spec } from '../../core/model/model';

/** Where clang names an unnamed record: the file as clang spells it, line and column of `struct`. */
export type PositionOf = (r: RecordDecl) => { file: string; line: number; col: number } | undefined;

/**
 * Bit offsets of the bit-fields of one top-level record, as clang laid them out, keyed by member
 * path (`a.b`, anonymous members transparent, as offsetof names them). The layout dump lists one
 * offset per field declaration in order, which are exactly the spec record's members; unnamed
 * nested records are found by the position clang names them with.
 */
export function clangBitOffsets(spec: Spec, top: RecordDecl, layouts: readonly DumpedRecordLayout[], positionOf: PositionOf): { offsets: Map<string, bigint>; problems: string[] } {
  const offsets = new Map<string, bigint>();
  const problems: string[] = [];
  const named = new Map<string, DumpedRecordLayout>();
  for (const l of layouts) if (anonymousPosition(l.type) === undefined) named.set(l.type, l);
  const unnamedAt = (r: RecordDecl): DumpedRecordLayout | undefined => {
    const p = positionOf(r);
    if (p === undefined) return undefined;
    const suffix = ` at ${p.file}:${p.line}:${p.col})`;
    return layouts.find((l) => l.type.startsWith(`${r.kind} `) && l.type.endsWith(suffix));
  };
  const byName = new Map(spec.records.filter((r) => r.name !== undefined).map((r) => [r.name as string, r]));

  const walk = (r: RecordDecl, dump: DumpedRecordLayout | undefined, base: bigint, prefix: string, what: string): void => {
    if (dump === undefined || dump.fieldOffsetsBits.length !== r.members.length) {
      problems.push(`no layout from clang for ${what}`);
      return;
    }
    r.members.forEach((m, i) => {
      const at = base + BigInt(dump.fieldOffsetsBits[i] as number);
      if (m.bits !== undefined) {
        if (m.name !== undefined) offsets.set(`${prefix}${m.name}`, at);
        return;
      }
      const inner = m.name !== undefined ? `${prefix}${m.name}.` : prefix;
      if (m.type.kind === 'record') walk(m.type.record, unnamedAt(m.type.record), at, inner, `${what}.${m.name ?? '<anonymous>'}`);
      else if (m.type.kind === 'ref' && m.type.tag !== 'enum' && m.name !== undefined && hasBitFields(byName.get(m.type.name), byName)) {
        const d = byName.get(m.type.name) as RecordDecl;
        walk(d, named.get(`${d.kind} ${m.type.name}`), at, inner, `${d.kind} ${m.type.name}`);
      }
    });
  };
  walk(top, named.get(`${top.kind} ${top.name ?? ''}`), 0n, '', `${top.kind} ${top.name ?? ''}`);
  return { offsets, problems };
}

/** Whether a record has a bit-field at any depth (only those need the layout dump). */
export function hasBitFields(r: RecordDecl | undefined, byName: ReadonlyMap<string, RecordDecl>, seen = new Set<RecordDecl>()): boolean {
  if (r === undefined || seen.has(r)) return false;
  seen.add(r);
  return r.members.some((m) => m.bits !== undefined
    || (m.type.kind === 'record' && hasBitFields(m.type.record, byName, seen))
    || (m.type.kind === 'ref' && m.type.tag !== 'enum' && m.name !== undefined && hasBitFields(byName.get(m.type.name), byName, seen)));
}
