import type { EnumDecl, Member, RecordDecl, Spec, TypeNode } from '../model/model';
import { SCALARS } from '../model/scalars';
import type { Abi } from './abi';
import { typeName } from './type-name';

/** Size and alignment of a type on one ABI, in bytes. */
export interface SizeAlign {
  readonly size: number;
  readonly align: number;
}

/** One member of a record, offsets relative to the start of that record. */
export interface MemberLayout {
  /** Undefined for anonymous struct/union members and unnamed bit-fields. */
  readonly name: string | undefined;
  readonly offset: number;
  readonly size: number;
  readonly align: number;
  readonly type: TypeNode;
  readonly typeName: string;
  /** Bit-fields: first bit, counted from the start of the record in allocation order. */
  readonly bitOffset?: number;
  readonly bitSize?: number;
  /** The layout of a struct/union-typed member (named or inline). */
  readonly record?: RecordLayout;
  readonly member: Member;
}

/** A byte range no member covers: a hole between members, or tail padding. */
export interface PaddingRange {
  readonly offset: number;
  readonly size: number;
  readonly tail: boolean;
}

export interface RecordLayout {
  readonly kind: 'struct' | 'union';
  readonly name: string | undefined;
  readonly size: number;
  readonly align: number;
  readonly members: readonly MemberLayout[];
  /** Bytes no (leaf) field covers, relative to this record; meaningful for leak checks (rule D12). */
  readonly padding: readonly PaddingRange[];
  readonly decl: RecordDecl;
}

const alignUp = (n: number, a: number): number => Math.ceil(n / a) * a;

/**
 * C layout of a spec's types for one ABI, following the System V / AAPCS rules that gcc and clang
 * implement (the rules are checked against clang by `uapi verify-layout`). Results are computed once
 * per (type, ABI) and cached; obtain engines through {@link layoutEngine}.
 *
 * The spec must have passed validation: an unknown or recursive type here is a programming error.
 */
export class LayoutEngine {
  readonly spec: Spec;
  readonly abi: Abi;
  private readonly recordsByName = new Map<string, RecordDecl>();
  private readonly enumsByName = new Map<string, EnumDecl>();
  private readonly records = new Map<RecordDecl, RecordLayout>();
  private readonly inProgress = new Set<RecordDecl>();

  constructor(spec: Spec, abi: Abi) {
    this.spec = spec;
    this.abi = abi;
    for (const r of spec.records) if (r.name !== undefined) this.recordsByName.set(r.name, r);
    for (const e of spec.enums) this.enumsByName.set(e.name, e);
  }

  findRecord(name: string): RecordDecl | undefined {
    return this.recordsByName.get(name);
  }

  findEnum(name: string): EnumDecl | undefined {
    return this.enumsByName.get(name);
  }

  /** Layout of a named top-level struct or union. */
  record(name: string): RecordLayout {
    const d = this.recordsByName.get(name);
    if (d === undefined) throw new Error(`layout: no struct or union named ${name}`);
    return this.layout(d);
  }

  sizeAlign(t: TypeNode): SizeAlign {
    switch (t.kind) {
      case 'scalar': {
        const sa = this.scalar(t.name);
        return t.aligned !== undefined ? { size: sa.size, align: t.aligned } : sa;
      }
      case 'array': {
        const e = this.sizeAlign(t.element);
        return { size: e.size * t.length, align: e.align };
      }
      case 'pointer': return { size: this.abi.pointerBytes, align: this.abi.pointerBytes };
      case 'record': return this.layout(t.record);
      case 'ref': {
        if (t.tag === 'enum') return this.enumSizeAlign(t.name);
        return this.record(t.name);
      }
    }
  }

  /** The record layout behind a struct/union-typed node, or undefined for other types. */
  recordOf(t: TypeNode): RecordLayout | undefined {
    if (t.kind === 'record') return this.layout(t.record);
    if (t.kind === 'ref' && t.tag !== 'enum') return this.record(t.name);
    return undefined;
  }

  scalar(name: keyof typeof SCALARS): SizeAlign {
    const info = SCALARS[name];
    const cap = (a: number): number => Math.min(a, this.abi.maxScalarAlign);
    switch (info.cls) {
      case 'fixed': return { size: info.bytes, align: cap(info.bytes) };
      case 'int64': return { size: 8, align: cap(this.abi.int64Align) };
      case 'aligned64': return { size: 8, align: 8 };
      case 'double': return { size: 8, align: cap(this.abi.doubleAlign) };
      case 'long': return { size: this.abi.longBytes, align: cap(this.abi.longBytes) };
    }
  }

  /**
   * An enum is an `int` unless its values need more: `unsigned int` when they are non-negative and
   * fit 32 bits, else a 64-bit integer. A packed enum takes the smallest integer that holds them.
   */
  enumSizeAlign(name: string): SizeAlign {
    const e = this.enumsByName.get(name);
    if (e === undefined) throw new Error(`layout: no enum named ${name}`);
    let min = 0n;
    let max = 0n;
    for (const v of e.values) {
      if (v.value < min) min = v.value;
      if (v.value > max) max = v.value;
    }
    const fits = (bytes: number): boolean => {
      const bits = BigInt(bytes * 8);
      return min < 0n ? min >= -(1n << (bits - 1n)) && max < 1n << (bits - 1n) : max < 1n << bits;
    };
    const bytes = e.packed === true ? [1, 2, 4, 8].find(fits) ?? 8 : fits(4) ? 4 : 8;
    if (bytes === 8) return this.scalar('long long');
    return { size: bytes, align: Math.min(bytes, this.abi.maxScalarAlign) };
  }

  private layout(d: RecordDecl): RecordLayout {
    const cached = this.records.get(d);
    if (cached !== undefined) return cached;
    if (this.inProgress.has(d)) throw new Error(`layout: ${d.kind} ${d.name ?? '(anonymous)'} contains itself`);
    this.inProgress.add(d);
    try {
      const result = d.kind === 'struct' ? this.layoutStruct(d) : this.layoutUnion(d);
      this.records.set(d, result);
      return result;
    } finally {
      this.inProgress.delete(d);
    }
  }

  private memberAlign(d: RecordDecl, m: Member, natural: number): number {
    const base = d.packed === true ? 1 : natural;
    // `__aligned_u64 x` is `__u64 x __attribute__((aligned(8)))`: an attribute of the member, which
    // packing does not remove (checked against clang by the oracle property test).
    let e = m.type;
    while (e.kind === 'array') e = e.element;
    const implied = e.kind === 'scalar' && SCALARS[e.name].cls === 'aligned64' ? 8 : 0;
    const explicit = Math.max(m.aligned ?? 0, implied);
    const align = explicit > 0 ? Math.max(base, explicit) : base;
    // `#pragma pack(N)` caps every member's alignment, explicit ones too (clang and GCC alike).
    return d.maxFieldAlign !== undefined ? Math.min(align, d.maxFieldAlign) : align;
  }

  private finish(d: RecordDecl, members: MemberLayout[], dataEnd: number, align: number): RecordLayout {
    const a = d.aligned !== undefined ? Math.max(align, d.aligned) : align;
    const size = alignUp(dataEnd, a);
    return { kind: d.kind, name: d.name, size, align: a, members, padding: paddingOf(members, size), decl: d };
  }

  private placed(m: Member, offset: number, sa: SizeAlign, align: number, bits?: { offset: number; size: number }): MemberLayout {
    const record = this.recordOf(m.type);
    return {
      name: m.name,
      offset,
      size: sa.size,
      align,
      type: m.type,
      typeName: typeName(m.type),
      ...(bits !== undefined ? { bitOffset: bits.offset, bitSize: bits.size } : {}),
      ...(record !== undefined ? { record } : {}),
      member: m,
    };
  }

  private layoutStruct(d: RecordDecl): RecordLayout {
    let bit = 0; // next free bit
    let align = 1;
    const members: MemberLayout[] = [];
    for (const m of d.members) {
      const sa = this.sizeAlign(m.type);
      if (m.bits !== undefined) {
        const placed = this.placeBitField(d, m, sa, bit);
        bit = placed.next;
        if (m.name !== undefined || this.abi.unnamedBitFieldsAlign === true) align = Math.max(align, placed.align);
        if (m.name !== undefined && m.bits > 0) {
          members.push(this.placed(m, Math.floor(placed.start / 8), sa, placed.align, { offset: placed.start, size: m.bits }));
        }
        continue;
      }
      const a = this.memberAlign(d, m, sa.align);
      const offset = alignUp(Math.ceil(bit / 8), a);
      members.push(this.placed(m, offset, sa, a));
      bit = (offset + sa.size) * 8;
      align = Math.max(align, a);
    }
    return this.finish(d, members, Math.ceil(bit / 8), align);
  }

  /**
   * System V bit-field placement: a field of declared type T goes at the next free bit unless it would
   * cross the boundary of a T-sized unit aligned to alignof(T), in which case it starts at the next
   * such boundary. Packed records place bits contiguously; a zero width skips to the next boundary
   * (and on AAPCS aligns the record to alignof(T) even when packed).
   */
  private placeBitField(d: RecordDecl, m: Member, sa: SizeAlign, bit: number): { start: number; next: number; align: number } {
    const width = m.bits ?? 0;
    const unitAlignBits = sa.align * 8;
    const align = this.memberAlign(d, m, sa.align);
    if (width === 0) return { start: alignUp(bit, unitAlignBits), next: alignUp(bit, unitAlignBits), align: this.abi.unnamedBitFieldsAlign === true ? sa.align : 1 };
    let start = bit;
    if (m.aligned !== undefined) start = alignUp(start, m.aligned * 8);
    if (d.packed !== true) {
      const unitStart = Math.floor(start / unitAlignBits) * unitAlignBits;
      if (start + width > unitStart + sa.size * 8) start = alignUp(start, unitAlignBits);
    }
    return { start, next: start + width, align };
  }

  private layoutUnion(d: RecordDecl): RecordLayout {
    let size = 0;
    let align = 1;
    const members: MemberLayout[] = [];
    for (const m of d.members) {
      const sa = this.sizeAlign(m.type);
      if (m.bits !== undefined) {
        const bytes = Math.ceil(m.bits / 8);
        // As in a struct: on AAPCS a zero-width bit-field aligns the union to its type even when packed.
        const a = m.bits === 0 && this.abi.unnamedBitFieldsAlign === true ? sa.align : this.memberAlign(d, m, sa.align);
        if (m.name !== undefined && m.bits > 0) members.push(this.placed(m, 0, sa, a, { offset: 0, size: m.bits }));
        if (m.name !== undefined || this.abi.unnamedBitFieldsAlign === true) align = Math.max(align, a);
        size = Math.max(size, bytes);
        continue;
      }
      const a = this.memberAlign(d, m, sa.align);
      members.push(this.placed(m, 0, sa, a));
      size = Math.max(size, sa.size);
      align = Math.max(align, a);
    }
    return this.finish(d, members, size, align);
  }
}

/** Bytes of [0, size) not covered by any leaf field, as maximal ranges. */
function paddingOf(members: readonly MemberLayout[], size: number): PaddingRange[] {
  const covered = new Uint8Array(size);
  const mark = (ms: readonly MemberLayout[], base: number): void => {
    for (const m of ms) {
      if (m.record !== undefined) {
        // Inside a nested record only its fields count; its own padding stays padding.
        mark(m.record.members, base + m.offset);
        continue;
      }
      if (m.bitOffset !== undefined && m.bitSize !== undefined) {
        const first = base * 8 + m.bitOffset;
        covered.fill(1, Math.floor(first / 8), Math.min(size, Math.ceil((first + m.bitSize) / 8)));
        continue;
      }
      covered.fill(1, base + m.offset, Math.min(size, base + m.offset + m.size));
    }
  };
  mark(members, 0);
  const ranges: PaddingRange[] = [];
  let i = 0;
  while (i < size) {
    if (covered[i] === 1) { i++; continue; }
    const start = i;
    while (i < size && covered[i] === 0) i++;
    ranges.push({ offset: start, size: i - start, tail: i === size });
  }
  return ranges;
}

const engines = new WeakMap<Spec, Map<string, LayoutEngine>>();

/** The cached engine for (spec, ABI). */
export function layoutEngine(spec: Spec, abi: Abi): LayoutEngine {
  let perAbi = engines.get(spec);
  if (perAbi === undefined) {
    perAbi = new Map();
    engines.set(spec, perAbi);
  }
  let e = perAbi.get(abi.name);
  if (e === undefined) {
    e = new LayoutEngine(spec, abi);
    perAbi.set(abi.name, e);
  }
  return e;
}
