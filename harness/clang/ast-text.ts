import type { LocationFiller } from './ast-json';

// clang prints `-ast-dump=json` with llvm's JSON writer: two spaces per level, one key or one value
// per line, and every nested line indented deeper than the line that opened it. That layout lets a
// reader find declarations and keys by searching for a newline and an exact indentation, without
// parsing what lies between (JSON strings cannot hold a raw newline). The functions here read a
// dump that way; each returns undefined when the text is not laid out as expected, and callers then
// parse the whole dump instead.

const indent = (n: number): string => ' '.repeat(n);

/** The top-level declarations of a one-document `TranslationUnitDecl` dump, and the document's head. */
export interface TopLevelText {
  /** The document up to its `inner` array, closed: `{ "id", "kind", "loc", "range" }`. */
  readonly head: string;
  /** Each element of `inner`, as text that parses on its own. */
  readonly elements: readonly string[];
}

/** Splits a `TranslationUnitDecl` dump into its top-level declarations (elements at indentation 4). */
export function topLevelElements(text: string): TopLevelText | undefined {
  const open = '\n  "inner": [\n';
  const at = text.indexOf(open);
  if (!text.startsWith('{\n') || at < 0) return undefined;
  const head = closeObject(text.slice(0, at));
  if (head === undefined) return undefined;
  const elements: string[] = [];
  let pos = at + open.length;
  for (;;) {
    if (!text.startsWith(`${indent(4)}{\n`, pos)) return undefined;
    const end = text.indexOf(`\n${indent(4)}}`, pos);
    if (end < 0) return undefined;
    elements.push(text.slice(pos, end + 6));
    const after = end + 6;
    if (text.startsWith(',\n', after)) pos = after + 2;
    else if (text.startsWith('\n  ]\n}', after) && text.slice(after + 6).trim() === '') return { head, elements };
    else return undefined;
  }
}

/** An object's opening text (keys up to some point, the last followed by a comma) closed into JSON. */
function closeObject(opening: string): string | undefined {
  const trimmed = opening.trimEnd();
  return trimmed.endsWith(',') ? `${trimmed.slice(0, -1)}\n}` : undefined;
}

/** The keys of an element before its `inner` array (the element's own indentation is `level`), closed. */
export function elementHead(element: string, level: number): { head: string; rest: string } | undefined {
  const at = element.indexOf(`\n${indent(level + 2)}"inner": [`);
  if (at < 0) return undefined;
  const head = closeObject(element.slice(0, at));
  return head === undefined ? undefined : { head, rest: element.slice(at) };
}

/** The value of a string key at exactly `level` spaces of indentation, first occurrence. */
export function stringKey(text: string, key: string, level: number): string | undefined {
  const needle = `\n${indent(level)}${JSON.stringify(key)}: `;
  const at = text.indexOf(needle);
  if (at < 0) return undefined;
  const start = at + needle.length;
  const end = text.indexOf('\n', start);
  const token = text.slice(start, end < 0 ? text.length : end).replace(/,$/, '');
  try {
    const v: unknown = JSON.parse(token);
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Moves a filler past text that is not parsed: its state becomes the last file and line the text
 * prints in a location (an `includedFrom` object names a file but is not a location).
 */
export function skipLocations(filler: LocationFiller, text: string): void {
  const line = text.lastIndexOf('"line": ');
  if (line >= 0) {
    const end = text.indexOf('\n', line);
    const n = Number(text.slice(line + 8, end < 0 ? text.length : end).replace(/,$/, ''));
    if (Number.isInteger(n)) filler.line = n;
  }
  for (let at = text.lastIndexOf('"file": "'); at >= 0; at = text.lastIndexOf('"file": "', at - 1)) {
    const lineStart = text.lastIndexOf('\n', at);
    const previous = text.slice(text.lastIndexOf('\n', lineStart - 1) + 1, lineStart).trimEnd();
    if (previous.endsWith('"includedFrom": {')) continue;
    const end = text.indexOf('\n', at);
    const v: unknown = JSON.parse(text.slice(at + 8, end < 0 ? text.length : end).replace(/,$/, ''));
    if (typeof v === 'string') filler.file = v;
    return;
  }
}

/**
 * The value of the first `ConstantExpr` with a value, in the order the dump prints nodes (the order
 * `constantValue` searches a parsed tree): the `value` key at the same indentation as that node's
 * `kind`, before the node closes.
 */
export function firstConstantValue(text: string): string | number | undefined {
  const needle = '"kind": "ConstantExpr"';
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
    const level = at - (text.lastIndexOf('\n', at) + 1);
    const close = text.indexOf(`\n${indent(level - 2)}}`, at);
    const end = close < 0 ? text.length : close;
    const v = text.indexOf(`\n${indent(level)}"value": `, at);
    if (v < 0 || v >= end) continue;
    const start = v + 1 + level + '"value": '.length;
    const lineEnd = text.indexOf('\n', start);
    const value: unknown = JSON.parse(text.slice(start, lineEnd < 0 ? text.length : lineEnd).replace(/,$/, ''));
    return typeof value === 'string' || typeof value === 'number' ? value : undefined;
  }
  return undefined;
}

/** The elements of an `inner` array whose elements sit at indentation `level`, as text. */
export function innerElements(rest: string, level: number): string[] | undefined {
  const out: string[] = [];
  const start = `\n${indent(level)}{\n`;
  const close = `\n${indent(level)}}`;
  for (let at = rest.indexOf(start); at >= 0; at = rest.indexOf(start, at)) {
    const end = rest.indexOf(close, at + 1);
    if (end < 0) return undefined;
    out.push(rest.slice(at + 1, end + close.length));
    at = end + close.length;
  }
  return out;
}
