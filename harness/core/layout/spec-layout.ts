import type { IoctlDir, Spec } from '../model/model';
import type { Abi } from './abi';
import { layoutEngine, type LayoutEngine, type MemberLayout, type RecordLayout } from './engine';
import { encodeRequest } from './ioctl-encoding';
import { typeName } from './type-name';
import { pushAll } from '../util/push-all';

/** A field as `offsetof` sees it: absolute offset from the start of the top-level type. */
export interface FieldView {
  readonly name: string;
  readonly offset: number;
  readonly size: number;
  readonly type: string;
  readonly bitOffset?: number;
  readonly bitSize?: number;
  /** A named nested struct/union lists its own fields, with absolute offsets too. */
  readonly fields?: readonly FieldView[];
}

export interface TypeView {
  readonly kind: 'struct' | 'union';
  readonly name: string;
  readonly size: number;
  readonly align: number;
  readonly fields: readonly FieldView[];
}

export interface IoctlView {
  readonly name: string;
  readonly request: number;
  readonly dir: IoctlDir;
  readonly type: number;
  readonly nr: number;
  readonly size: number;
  readonly arg?: string;
}

export interface EnumView {
  readonly name: string;
  readonly values: Readonly<Record<string, bigint>>;
}

export interface ConstantView {
  readonly name: string;
  readonly value: bigint;
}

/** One ABI's part of `uapi layout --format json` (design doc contract). */
export interface AbiLayoutView {
  readonly abi: string;
  readonly types: readonly TypeView[];
  readonly ioctls: readonly IoctlView[];
  readonly enums: readonly EnumView[];
  readonly constants: readonly ConstantView[];
}

export interface LayoutReport {
  readonly uapi: { readonly name: string; readonly version: string };
  readonly layouts: readonly AbiLayoutView[];
}

/**
 * Flattens members the way C names them: members of anonymous structs/unions appear at the level of
 * their parent; named nested records keep their own (absolute) field list.
 */
export function fieldViews(members: readonly MemberLayout[], base = 0): FieldView[] {
  const out: FieldView[] = [];
  for (const m of members) {
    const offset = base + m.offset;
    if (m.name === undefined) {
      if (m.record !== undefined) pushAll(out, fieldViews(m.record.members, offset));
      continue;
    }
    out.push({
      name: m.name,
      offset,
      size: m.size,
      type: m.typeName,
      ...(m.bitOffset !== undefined ? { bitOffset: base * 8 + m.bitOffset, bitSize: m.bitSize ?? 0 } : {}),
      ...(m.record !== undefined ? { fields: fieldViews(m.record.members, offset) } : {}),
    });
  }
  return out;
}

export function typeView(r: RecordLayout): TypeView {
  return { kind: r.kind, name: r.name ?? '', size: r.size, align: r.align, fields: fieldViews(r.members) };
}

export function ioctlViews(spec: Spec, engine: LayoutEngine): IoctlView[] {
  return spec.ioctls.map((i) => {
    const size = i.arg !== undefined ? engine.sizeAlign(i.arg).size : 0;
    const arg = i.arg === undefined ? undefined : i.arg.kind === 'ref' ? i.arg.name : typeName(i.arg);
    return {
      name: i.name,
      request: encodeRequest(engine.abi.ioctl, i.dir, i.type, i.nr, size),
      dir: i.dir,
      type: i.type,
      nr: i.nr,
      size,
      ...(arg !== undefined ? { arg } : {}),
    };
  });
}

/** Everything `uapi layout` shows for one ABI. */
export function abiLayoutView(spec: Spec, abi: Abi): AbiLayoutView {
  const engine = layoutEngine(spec, abi);
  return {
    abi: abi.name,
    types: spec.records.filter((r) => r.name !== undefined).map((r) => typeView(engine.record(r.name as string))),
    ioctls: ioctlViews(spec, engine),
    enums: spec.enums.map((e) => ({ name: e.name, values: Object.fromEntries(e.values.map((v) => [v.name, v.value])) })),
    constants: spec.constants.map((c) => ({ name: c.name, value: c.value })),
  };
}

export function layoutReport(spec: Spec, abis: readonly Abi[]): LayoutReport {
  return { uapi: { name: spec.name, version: spec.version }, layouts: abis.map((a) => abiLayoutView(spec, a)) };
}
