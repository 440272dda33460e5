import type { FieldMark } from './byte-map-svg';

const CHANGE_MARKS: ReadonlySet<string> = new Set<FieldMark>(['moved', 'retyped', 'inserted', 'removed', 'renamed']);

const MARKS: readonly { readonly mark: FieldMark | 'bitfield' | 'hole' | 'tail'; readonly text: string }[] = [
  { mark: 'same', text: 'field' },
  { mark: 'moved', text: 'moved: same name, other offset' },
  { mark: 'retyped', text: 'retyped: same place, other type or size' },
  { mark: 'inserted', text: 'inserted: new name on bytes old binaries use otherwise' },
  { mark: 'removed', text: 'removed' },
  { mark: 'renamed', text: 'renamed: new name on exactly the old bytes (pad given a meaning)' },
  { mark: 'bitfield', text: 'bit-field, as wide as its bits; @4.3 is byte 4, bit 3 (allocation order)' },
  { mark: 'hole', text: 'hole: bytes between fields that no field covers' },
  { mark: 'tail', text: 'tail padding up to the size' },
];

/**
 * What the colours and hatchings of the byte maps mean, drawn with the same styles as the maps; the
 * change marks only next to diagrams that compare two versions.
 */
export function legend(o: { readonly changes: boolean }): string {
  const items = MARKS.filter((m) => o.changes || !CHANGE_MARKS.has(m.mark)).map((m) => `<li><span class="swatch s-${m.mark}"></span>${m.text}</li>`);
  return `<ul class="legend">${items.join('')}</ul>`;
}
