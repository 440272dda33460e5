import type { RecordLayout } from '../../core/layout/engine';
import { fieldViews, type FieldView } from '../../core/layout/spec-layout';

/** A leaf field as a byte map draws it; offsets from the start of the top-level type. */
export interface MapField {
  /** The C path: `seq`, or `in.cb_size` inside a named nested member. */
  readonly name: string;
  readonly type: string;
  readonly offset: number;
  readonly size: number;
  /** Bit-fields: first bit from the start of the type (allocation order) and width. */
  readonly bitOffset?: number;
  readonly bitSize?: number;
}

/** Bytes no field covers: a hole between fields, or tail padding up to the size. */
export interface MapPadding {
  readonly offset: number;
  readonly size: number;
  readonly tail: boolean;
}

/** Everything one diagram of one type on one ABI shows. */
export interface ByteMap {
  readonly kind: 'struct' | 'union';
  readonly name: string;
  readonly size: number;
  readonly align: number;
  readonly fields: readonly MapField[];
  readonly padding: readonly MapPadding[];
}

// Named nested members are opened up to their leaves (`in.cb_size`), so that a change deep inside a
// union member is drawn where it happens; anonymous members are already flat, as C names them.
function leaves(views: readonly FieldView[], prefix: string): MapField[] {
  return views.flatMap((v): MapField[] => {
    const name = `${prefix}${v.name}`;
    if (v.fields !== undefined) return leaves(v.fields, `${name}.`);
    return [{
      name,
      type: v.type,
      offset: v.offset,
      size: v.size,
      ...(v.bitOffset !== undefined && v.bitSize !== undefined ? { bitOffset: v.bitOffset, bitSize: v.bitSize } : {}),
    }];
  });
}

export function byteMapOf(layout: RecordLayout): ByteMap {
  return {
    kind: layout.kind,
    name: layout.name ?? '(anonymous)',
    size: layout.size,
    align: layout.align,
    fields: leaves(fieldViews(layout.members), ''),
    padding: layout.padding.map((p) => ({ offset: p.offset, size: p.size, tail: p.tail })),
  };
}

/** Equal for two ABIs exactly when their diagrams are the same picture (alignment is told in words). */
export function byteMapKey(m: ByteMap): string {
  return JSON.stringify([m.size, m.fields, m.padding]);
}

/** First and end bit of a field: bit-fields by their bits, other fields by their bytes. */
export function fieldBits(f: MapField): { start: number; end: number } {
  if (f.bitOffset !== undefined && f.bitSize !== undefined) return { start: f.bitOffset, end: f.bitOffset + f.bitSize };
  return { start: f.offset * 8, end: (f.offset + f.size) * 8 };
}
