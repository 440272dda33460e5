import { fieldBits, type ByteMap } from './byte-map-model';

/** Pixel sizes of a byte map; one row holds eight bytes, the natural unit of a 64-bit uAPI. */
export const GEOMETRY = {
  bytesPerRow: 8,
  cell: 76,
  gutter: 46,
  margin: 6,
  ruler: 16,
  lane: 38,
  elision: 22,
} as const;

const ROW_BITS = GEOMETRY.bytesPerRow * 8;
/** Runs of at least this many rows inside the same fields are drawn as one elision band. */
const MIN_ELIDED_ROWS = 3;

export type BoxKind = 'field' | 'hole' | 'tail';

/** One rectangle: a field or a padding range, clipped to one row. */
export interface Box {
  readonly kind: BoxKind;
  /** Index into the map's fields or padding. */
  readonly index: number;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  /** Whether the item starts in this box (it carries the full label; later pieces a short one). */
  readonly first: boolean;
}

/** A drawn row: where it is and which byte it starts at, for the offset in the gutter. */
export interface RowPlace {
  readonly y: number;
  readonly h: number;
  readonly offset: number;
}

/** Rows left out because they hold nothing but the middle of the same large fields. */
export interface ElisionPlace {
  readonly y: number;
  readonly fromByte: number;
  readonly toByte: number;
}

export interface MapGeometry {
  readonly width: number;
  readonly height: number;
  readonly rows: readonly RowPlace[];
  readonly elisions: readonly ElisionPlace[];
  readonly boxes: readonly Box[];
  /** Lane of each field: fields that share bytes (union members) are drawn one above the other. */
  readonly lanes: readonly number[];
}

interface Item {
  readonly kind: BoxKind;
  readonly index: number;
  readonly start: number;
  readonly end: number;
  /** Undefined for padding, which spans every lane of its row. */
  readonly lane: number | undefined;
}

/** Greedy interval colouring in declaration order: each field takes the lowest lane it fits in. */
function assignLanes(map: ByteMap): number[] {
  const taken: { start: number; end: number }[][] = [];
  return map.fields.map((f) => {
    const b = fieldBits(f);
    let lane = taken.findIndex((l) => l.every((o) => o.end <= b.start || o.start >= b.end));
    if (lane < 0) {
      lane = taken.length;
      taken.push([]);
    }
    (taken[lane] as { start: number; end: number }[]).push(b);
    return lane;
  });
}

/** Where every piece of a byte map goes. Pure: the same map always gives the same picture. */
export function mapGeometry(map: ByteMap): MapGeometry {
  const lanes = assignLanes(map);
  const items: Item[] = [
    ...map.fields.map((f, index): Item => ({ kind: 'field', index, ...fieldBits(f), lane: lanes[index] ?? 0 })),
    ...map.padding.map((p, index): Item => ({ kind: p.tail ? 'tail' : 'hole', index, start: p.offset * 8, end: (p.offset + p.size) * 8, lane: undefined })),
  ];
  const totalBits = map.size * 8;
  const rowCount = Math.ceil(map.size / GEOMETRY.bytesPerRow);
  const rowInfo = Array.from({ length: rowCount }, (_, r) => {
    const start = r * ROW_BITS;
    const end = Math.min(start + ROW_BITS, totalBits);
    const hits = items.filter((i) => i.start < end && i.end > start);
    const interior = hits.length > 0 && hits.every((i) => i.start < start && i.end > end);
    return { start, end, hits, interior, signature: hits.map((i) => `${i.kind}${i.index}`).join(' ') };
  });

  const rows: RowPlace[] = [];
  const elisions: ElisionPlace[] = [];
  const boxes: Box[] = [];
  let y = GEOMETRY.margin + GEOMETRY.ruler;
  let r = 0;
  while (r < rowCount) {
    const info = rowInfo[r] as (typeof rowInfo)[number];
    let run = 0;
    while (r + run < rowCount && rowInfo[r + run]?.interior === true && rowInfo[r + run]?.signature === info.signature) run++;
    if (run >= MIN_ELIDED_ROWS) {
      const last = rowInfo[r + run - 1] as (typeof rowInfo)[number];
      elisions.push({ y, fromByte: info.start / 8, toByte: last.end / 8 });
      y += GEOMETRY.elision;
      r += run;
      continue;
    }
    const laneCount = Math.max(1, ...info.hits.map((i) => (i.lane ?? 0) + 1));
    const h = laneCount * GEOMETRY.lane;
    rows.push({ y, h, offset: info.start / 8 });
    for (const i of info.hits) {
      const from = Math.max(i.start, info.start) - info.start;
      const to = Math.min(i.end, info.end) - info.start;
      boxes.push({
        kind: i.kind,
        index: i.index,
        x: GEOMETRY.gutter + (from / 8) * GEOMETRY.cell,
        y: i.lane === undefined ? y : y + i.lane * GEOMETRY.lane,
        w: ((to - from) / 8) * GEOMETRY.cell,
        h: i.lane === undefined ? h : GEOMETRY.lane,
        first: i.start >= info.start,
      });
    }
    y += h;
    r++;
  }
  return {
    width: GEOMETRY.gutter + GEOMETRY.bytesPerRow * GEOMETRY.cell + GEOMETRY.margin,
    height: y + GEOMETRY.margin,
    rows,
    elisions,
    boxes,
    lanes,
  };
}
