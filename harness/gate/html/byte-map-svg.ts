import { attr, html } from './escape';
import type { ByteMap, MapField } from './byte-map-model';
import { GEOMETRY, mapGeometry, type Box, type ElisionPlace } from './byte-map-geometry';

/** How a field changed between two versions; `same` draws it plainly. */
export type FieldMark = 'same' | 'moved' | 'retyped' | 'inserted' | 'removed' | 'renamed';

export interface FieldNote {
  readonly mark: FieldMark;
  /** Short words shown in the box and its tooltip: `was @8`, `was __u32`, `was pad`. */
  readonly note?: string;
}

export interface ByteMapSvgOptions {
  /** Unique within the page: prefixes the ids of the diagram's patterns and title. */
  readonly id: string;
  /** What the diagram shows, for its accessible title: `struct hl_cs_in on x86_64, i386`. */
  readonly title: string;
  /** Change marks by field name (diff diagrams). */
  readonly marks?: ReadonlyMap<string, FieldNote>;
}

const NAME_FONT = 12;
const SMALL_NAME_FONT = 10;
const META_FONT = 10.5;
// DejaVu Sans Mono (the page's first choice, and what Debian's chromium falls back to) advances
// 0.602 em per character; labels are cut to fit with that measure, so no text overflows its box.
const CHAR_EM = 0.6021;
const TEXT_INSET = 5;
const FOOTNOTE_LINE = 15;

function fit(text: string, width: number, font: number): string {
  const room = Math.floor((width - 2 * TEXT_INSET) / (font * CHAR_EM));
  if (text.length <= room) return text;
  // Fewer than two characters before the ellipsis say nothing; then nothing is drawn.
  return room < 3 ? '' : `${text.slice(0, room - 1)}…`;
}

/** The first candidate that fits whole, else the last one cut to fit. */
function firstFitting(candidates: readonly string[], width: number, font: number): string {
  for (const c of candidates) if (fit(c, width, font) === c) return c;
  return fit(candidates[candidates.length - 1] ?? '', width, font);
}

const n = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(2));
const bytes = (size: number): string => `${size} B`;

function where(f: MapField): string {
  if (f.bitOffset === undefined || f.bitSize === undefined) return `@${f.offset}`;
  return `@${Math.floor(f.bitOffset / 8)}.${f.bitOffset % 8}`;
}

function extent(f: MapField): string {
  return f.bitSize !== undefined ? `${f.bitSize} bit${f.bitSize === 1 ? '' : 's'}` : bytes(f.size);
}

function tooltip(map: ByteMap, f: MapField, note: FieldNote | undefined): string {
  const bits = f.bitOffset !== undefined && f.bitSize !== undefined
    ? `, bits ${f.bitOffset}..${f.bitOffset + f.bitSize - 1} (allocation order)`
    : '';
  const change = note !== undefined && note.mark !== 'same' ? ` [${note.mark}${note.note !== undefined ? `: ${note.note}` : ''}]` : '';
  return `${map.kind} ${map.name}.${f.name}: ${f.type}, offset ${f.offset}, ${f.size} byte${f.size === 1 ? '' : 's'}${bits}${change}`;
}

function text(x: number, y: number, cls: string, content: string): string {
  return content === '' ? '' : `<text x="${n(x)}" y="${n(y)}" class="${cls}">${html(content)}</text>`;
}

/** The meta line of a field: where, how big, the change note and the type, as much as fits. */
function metaLine(f: MapField, note: FieldNote | undefined, width: number): string {
  const extra = note?.note !== undefined ? [note.note] : [];
  return firstFitting([
    [where(f), extent(f), ...extra, f.type].join(' · '),
    [where(f), extent(f), ...extra].join(' · '),
    [where(f), ...extra].join(' · '),
    [where(f), extent(f)].join(' · '),
    where(f),
  ], width, META_FONT);
}

/** Whether a field's first box is too narrow for its whole name even in the small font. */
function needsFootnote(f: MapField, b: Box): boolean {
  return fit(f.name, b.w - 2, SMALL_NAME_FONT) !== f.name;
}

function fieldBox(map: ByteMap, b: Box, o: ByteMapSvgOptions, footnote: number | undefined): string {
  const f = map.fields[b.index] as MapField;
  const note = o.marks?.get(f.name);
  const mark = note?.mark ?? 'same';
  const classes = ['field', `f-${mark}`, ...(f.bitSize !== undefined ? ['bitfield'] : [])].join(' ');
  const x = b.x + 1;
  const w = b.w - 2;
  let label: string;
  if (b.first) {
    // A name that does not fit is set smaller; one that still does not fit gets a number whose
    // footnote under the diagram spells it out with its offset, size and type.
    const name = footnote !== undefined
      ? text(x + TEXT_INSET, b.y + 15, 'name small', fit(`${footnote} ${f.name}`, w, SMALL_NAME_FONT) || fit(String(footnote), w, SMALL_NAME_FONT))
      : text(x + TEXT_INSET, b.y + 15, fit(f.name, w, NAME_FONT) === f.name ? 'name' : 'name small', f.name);
    label = name + text(x + TEXT_INSET, b.y + 30, 'meta', metaLine(f, note, w));
  } else {
    label = text(x + TEXT_INSET, b.y + 22, 'cont', fit(`… ${f.name}`, w, META_FONT));
  }
  return `<g class="${classes}" data-name="${attr(f.name)}" data-offset="${f.offset}" data-size="${f.size}">`
    + `<title>${html(tooltip(map, f, note))}</title>`
    + `<rect x="${n(x)}" y="${n(b.y + 1)}" width="${n(w)}" height="${n(b.h - 2)}" rx="3"/>${label}</g>`;
}

function paddingBox(map: ByteMap, b: Box, id: string): string {
  const p = map.padding[b.index];
  if (p === undefined) return '';
  const what = p.tail ? 'tail padding' : 'hole';
  const label = b.first ? firstFitting([`${what} ${bytes(p.size)}`, `${p.tail ? 'tail' : 'hole'} ${p.size}`], b.w, META_FONT) : '';
  const title = `${what}: ${p.size} byte${p.size === 1 ? '' : 's'} at offset ${p.offset} that no field covers`;
  return `<g class="${b.kind}" data-offset="${p.offset}" data-size="${p.size}"><title>${html(title)}</title>`
    + `<rect x="${n(b.x + 1)}" y="${n(b.y + 1)}" width="${n(b.w - 2)}" height="${n(b.h - 2)}" fill="url(#${id}-${b.kind})"/>`
    + `${text(b.x + 1 + TEXT_INSET, b.y + b.h / 2 + 4, 'pad-label', label)}</g>`;
}

function patterns(id: string): string {
  const hatch = (name: string, stripe: string, back: string, angle: number): string =>
    `<pattern id="${id}-${name}" width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(${angle})">`
    + `<rect width="7" height="7" fill="${back}"/><rect width="2.5" height="7" fill="${stripe}"/></pattern>`;
  return `<defs>${hatch('hole', '#e4a0a0', '#fff4f4', 45)}${hatch('tail', '#d9b77a', '#fffaf0', -45)}</defs>`;
}

/** A zigzag across the row and how many bytes it stands for. */
function elision(e: ElisionPlace): string {
  const x0 = GEOMETRY.gutter;
  const x1 = GEOMETRY.gutter + GEOMETRY.bytesPerRow * GEOMETRY.cell;
  const mid = e.y + GEOMETRY.elision / 2;
  const label = `${(e.toByte - e.fromByte).toLocaleString('en-US')} more bytes`;
  const labelWidth = label.length * META_FONT * CHAR_EM + 12;
  return `<g class="elision"><title>${html(`bytes ${e.fromByte}..${e.toByte - 1} not drawn: the middle of the same field(s)`)}</title>`
    + `<path d="M${x0} ${mid} l6 -5 l6 10 l6 -5 H${x1 - 18} l6 -5 l6 10 l6 -5"/>`
    + `${text(GEOMETRY.gutter - 6, mid + 4, 'row-offset', '⋮')}`
    + `<rect class="elision-back" x="${n((x0 + x1 - labelWidth) / 2)}" y="${n(mid - 8)}" width="${n(labelWidth)}" height="16"/>`
    + `<text x="${n((x0 + x1) / 2)}" y="${n(mid + 4)}" class="elision-label">${html(label)}</text></g>`;
}

/**
 * One type on one ABI as an inline SVG byte map: eight bytes a row, every field a box as wide as its
 * bytes (bit-fields as wide as their bits) with name, offset, size and type; holes and tail padding
 * hatched; union members and anonymous unions stacked in lanes; long runs inside one array cut short;
 * names too long for their box numbered and spelled out under the map.
 */
export function byteMapSvg(map: ByteMap, o: ByteMapSvgOptions): string {
  const g = mapGeometry(map);
  const footnotes = new Map<number, number>();
  for (const b of g.boxes) {
    const f = map.fields[b.index];
    if (b.kind === 'field' && b.first && f !== undefined && needsFootnote(f, b)) footnotes.set(b.index, footnotes.size + 1);
  }
  const notesTop = g.height;
  const height = g.height + (footnotes.size > 0 ? footnotes.size * FOOTNOTE_LINE + GEOMETRY.margin : 0);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="byte-map" width="${g.width}" height="${height}" viewBox="0 0 ${g.width} ${height}" role="img" aria-labelledby="${o.id}-title">`,
    `<title id="${o.id}-title">${html(o.title)}</title>`,
    patterns(o.id),
    '<g class="ruler">',
  ];
  for (let i = 0; i < GEOMETRY.bytesPerRow; i++) {
    out.push(text(GEOMETRY.gutter + (i + 0.5) * GEOMETRY.cell, GEOMETRY.margin + 10, 'byte-index', `+${i}`));
  }
  out.push('</g>');
  for (const row of g.rows) {
    out.push(text(GEOMETRY.gutter - 6, row.y + 15, 'row-offset', String(row.offset)));
  }
  for (const b of g.boxes) out.push(b.kind === 'field' ? fieldBox(map, b, o, footnotes.get(b.index)) : paddingBox(map, b, o.id));
  for (const e of g.elisions) out.push(elision(e));
  for (const [index, k] of footnotes) {
    const f = map.fields[index] as MapField;
    const line = `${k} ${f.name}: ${metaLine(f, o.marks?.get(f.name), Infinity)}`;
    out.push(text(GEOMETRY.gutter, notesTop + (k - 1) * FOOTNOTE_LINE + 11, 'footnote', fit(line, g.width - GEOMETRY.gutter + TEXT_INSET, META_FONT)));
  }
  out.push('</svg>');
  return out.join('');
}
