import type { LocationFiller } from './ast-json';

// clang prints `-ast-dump=json` with llvm's JSON writer: two spaces per level, one key or one value
// per line, and every nested line indented deeper than the line that opened it. That layout lets a
// reader find declarations and keys by searching the bytes for a newline and an exact indentation,
// without decoding or parsing what lies between (JSON strings cannot hold a raw newline). The
// functions here read a dump that way; each returns undefined when the bytes are not laid out as
// expected, and callers then parse the whole dump instead.

const indent = (n: number): string => ' '.repeat(n);

/** Whether `bytes` holds `text` (ASCII) at `pos`. */
function holdsAt(bytes: Buffer, pos: number, text: string): boolean {
  return pos >= 0 && pos + text.length <= bytes.length && bytes.toString('latin1', pos, pos + text.length) === text;
}

/** The rest of the line that starts at `from`, without a trailing comma. */
function lineValue(bytes: Buffer, from: number): string {
  const end = bytes.indexOf(10, from);
  return bytes.toString('utf8', from, end < 0 ? bytes.length : end).replace(/,$/, '');
}

/** The top-level declarations of a one-document `TranslationUnitDecl` dump, and the document's head. */
export interface TopLevelBytes {
  /** The document up to its `inner` array, closed: `{ "id", "kind", "loc", "range" }`. */
  readonly head: string;
  /** Each element of `inner` (views of the dump), each parseable on its own. */
  readonly elements: readonly Buffer[];
}

/** Splits a `TranslationUnitDecl` dump into its top-level declarations (elements at indentation 4). */
export function topLevelElements(bytes: Buffer): TopLevelBytes | undefined {
  const open = '\n  "inner": [\n';
  const at = bytes.indexOf(open);
  if (!holdsAt(bytes, 0, '{\n') || at < 0) return undefined;
  const head = closeObject(bytes.toString('utf8', 0, at));
  if (head === undefined) return undefined;
  const elements: Buffer[] = [];
  const close = `\n${indent(4)}}`;
  let pos = at + open.length;
  for (;;) {
    if (!holdsAt(bytes, pos, `${indent(4)}{\n`)) return undefined;
    const end = bytes.indexOf(close, pos);
    if (end < 0) return undefined;
    const after = end + close.length;
    elements.push(bytes.subarray(pos, after));
    if (holdsAt(bytes, after, ',\n')) pos = after + 2;
    else if (holdsAt(bytes, after, '\n  ]\n}') && bytes.toString('latin1', after + 6).trim() === '') return { head, elements };
    else return undefined;
  }
}

/** An object's opening text (keys up to some point, the last followed by a comma) closed into JSON. */
export function closeObject(opening: string): string | undefined {
  const trimmed = opening.trimEnd();
  return trimmed.endsWith(',') ? `${trimmed.slice(0, -1)}\n}` : undefined;
}

/**
 * An element split before its `inner` array (the element's own indentation is `level`): its keys
 * (decode them and close them with {@link closeObject}) and the rest.
 */
export function elementHead(element: Buffer, level: number): { head: Buffer; rest: Buffer } | undefined {
  const at = element.indexOf(`\n${indent(level + 2)}"inner": [`);
  return at < 0 ? undefined : { head: element.subarray(0, at), rest: element.subarray(at) };
}

/** The value of a string key at exactly `level` spaces of indentation, first occurrence. */
export function stringKey(bytes: Buffer, key: string, level: number): string | undefined {
  const needle = `\n${indent(level)}${JSON.stringify(key)}: `;
  const at = bytes.indexOf(needle);
  if (at < 0) return undefined;
  try {
    const v: unknown = JSON.parse(lineValue(bytes, at + Buffer.byteLength(needle)));
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Moves a filler past bytes that are not parsed: its state becomes the last file and line they print
 * in a location (an `includedFrom` object names a file but is not a location). `rename` maps a file
 * name as the caller's parsed nodes would show it.
 */
export function skipLocations(filler: LocationFiller, bytes: Buffer, rename: (file: string) => string = (f) => f): void {
  const line = bytes.lastIndexOf('"line": ');
  if (line >= 0) {
    const n = Number(lineValue(bytes, line + 8));
    if (Number.isInteger(n)) filler.line = n;
  }
  for (let at = bytes.lastIndexOf('"file": "'); at >= 0; at = at > 0 ? bytes.lastIndexOf('"file": "', at - 1) : -1) {
    const lineStart = bytes.lastIndexOf(10, at);
    const previousStart = lineStart > 0 ? bytes.lastIndexOf(10, lineStart - 1) + 1 : 0;
    if (bytes.toString('latin1', previousStart, lineStart).trimEnd().endsWith('"includedFrom": {')) continue;
    const v: unknown = JSON.parse(lineValue(bytes, at + 8));
    if (typeof v === 'string') filler.file = rename(v);
    return;
  }
}

/**
 * The value of the first `ConstantExpr` with a value, in the order the dump prints nodes (the order
 * `constantValue` searches a parsed tree): the `value` key at the same indentation as that node's
 * `kind`, before the node closes.
 */
export function firstConstantValue(bytes: Buffer): string | number | undefined {
  const needle = '"kind": "ConstantExpr"';
  for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + needle.length)) {
    const level = at - (bytes.lastIndexOf(10, at) + 1);
    // The value key comes among the node's own keys, before its `inner`: look for it first, then
    // check that the node does not close before it. (Looking for the close first would read
    // through the node's whole expression tree, which is most of a probe's dump.)
    const v = bytes.indexOf(`\n${indent(level)}"value": `, at);
    if (v < 0 || bytes.subarray(at, v).indexOf(`\n${indent(level - 2)}}`) >= 0) continue;
    const value: unknown = JSON.parse(lineValue(bytes, v + 1 + level + '"value": '.length));
    return typeof value === 'string' || typeof value === 'number' ? value : undefined;
  }
  return undefined;
}

/**
 * Where each element of an `inner` array (elements at indentation `level`) begins, as views that run
 * to the next element's beginning or the end of `rest`: each holds one element and the punctuation
 * after it. Enough to look up an element's keys ({@link stringKey}, {@link firstConstantValue})
 * without finding where each element closes, which reads through its whole subtree once more.
 */
export function innerElementSpans(rest: Buffer, level: number): Buffer[] {
  const start = `\n${indent(level)}{\n`;
  const starts: number[] = [];
  for (let at = rest.indexOf(start); at >= 0; at = rest.indexOf(start, at + start.length)) starts.push(at + 1);
  return starts.map((s, i) => rest.subarray(s, starts[i + 1] ?? rest.length));
}

/**
 * The documents of an `-ast-dump-filter` dump (one per matching declaration, each a `{` line to a `}`
 * line, between `Dumping NAME:` headings), as views of the bytes: each parseable on its own, and
 * readable with {@link stringKey} and {@link firstConstantValue} without being decoded whole.
 */
export function documentSpans(bytes: Buffer): Buffer[] {
  const out: Buffer[] = [];
  const next = (from: number): number => {
    const at = bytes.indexOf('\n{\n', from);
    return at < 0 ? -1 : at + 1;
  };
  for (let start = holdsAt(bytes, 0, '{\n') ? 0 : next(0); start >= 0;) {
    const close = bytes.indexOf('\n}\n', start);
    const end = close >= 0 ? close + 2 : holdsAt(bytes, bytes.length - 2, '\n}') ? bytes.length : -1;
    if (end < 0) break;
    out.push(bytes.subarray(start, end));
    start = next(end - 1);
  }
  return out;
}
