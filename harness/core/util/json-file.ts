import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { SourceLoc } from '../model/model';

/** Maps a character offset of `text` to a 1-based line and column (binary search over line starts). */
export function textLocator(file: string, text: string): (offset: number) => SourceLoc {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { file, line: lo + 1, col: offset - (starts[lo] as number) + 1 };
  };
}

export type JsonPath = readonly (string | number)[];

/** JSON text read with the position of every value, so that a problem can name its line and column. */
export interface LocatedJson {
  readonly value: unknown;
  /** Where the value at a JSON path starts; the nearest enclosing value when the path does not exist. */
  readonly locate: (p: JsonPath) => SourceLoc;
}

export interface JsonSyntaxError {
  readonly message: string;
  readonly loc: SourceLoc;
}

/**
 * Parses strict JSON (no comments, no trailing commas). A syntax error comes back with its real line
 * and column (JSON.parse only gives an offset, and only in its message).
 */
export function parseLocatedJson(text: string, file: string): { json?: LocatedJson; error?: JsonSyntaxError } {
  const at = textLocator(file, text);
  let value: unknown;
  try {
    // The value from JSON.parse: exactly JSON's semantics (a `__proto__` key is a plain key), and fast.
    value = JSON.parse(text);
  } catch {
    // Only a broken file pays for the slower parser that knows where it broke.
    const errors: ParseError[] = [];
    parseTree(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
    const first = errors[0];
    return { error: { message: first !== undefined ? `JSON syntax: ${describe(first)}` : 'JSON syntax: the file is empty', loc: at(first?.offset ?? 0) } };
  }
  let index: IndexNode | undefined;
  const locate = (p: JsonPath): SourceLoc => {
    index ??= indexJson(text);
    let n = index;
    for (const k of p) {
      const next = typeof k === 'number' ? (Array.isArray(n.c) ? n.c[k] : undefined) : (n.c instanceof Map ? n.c.get(k) : undefined);
      if (next === undefined) break;
      n = next;
    }
    return at(n.o);
  };
  return { json: { value, locate } };
}

/** Where a value starts, and its members (by index for an array, by key for an object). */
interface IndexNode {
  readonly o: number;
  c?: IndexNode[] | Map<string, IndexNode>;
}

const STRING = /"(?:[^"\\]|\\.)*"/y;
const ATOM = /[^,\]}\s]+/y;
const SPACE = /[\s]*/y;

/**
 * The start offset of every value of a JSON text already known to be valid, in one pass with
 * sticky regular expressions (several times faster than a general parser on a 15 MB spec), and only
 * when a location is first asked for.
 */
function indexJson(text: string): IndexNode {
  let i = 0;
  const skip = (): void => { SPACE.lastIndex = i; SPACE.exec(text); i = SPACE.lastIndex; };
  const str = (): string => { STRING.lastIndex = i; const m = STRING.exec(text); i = STRING.lastIndex; return JSON.parse((m as RegExpExecArray)[0]) as string; };
  // An explicit stack: nesting depth is the file's to choose, the call stack is not.
  const stack: IndexNode[] = [];
  skip();
  const value = (): IndexNode => {
    const node: IndexNode = { o: i };
    const ch = text[i];
    if (ch === '{') { node.c = new Map(); i++; }
    else if (ch === '[') { node.c = []; i++; }
    else if (ch === '"') str();
    else { ATOM.lastIndex = i; ATOM.exec(text); i = ATOM.lastIndex; }
    return node;
  };
  const root = value();
  if (root.c !== undefined) stack.push(root);
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as IndexNode;
    skip();
    const ch = text[i];
    if (ch === '}' || ch === ']') { i++; stack.pop(); continue; }
    if (ch === ',') { i++; skip(); }
    let key: string | undefined;
    if (top.c instanceof Map) {
      key = str();
      skip();
      i++; // the colon
      skip();
    }
    const child = value();
    if (top.c instanceof Map) top.c.set(key as string, child);
    else (top.c as IndexNode[]).push(child);
    if (child.c !== undefined) stack.push(child);
  }
  return root;
}

function describe(e: ParseError): string {
  const words: Record<string, string> = {
    InvalidSymbol: 'unexpected character', InvalidNumberFormat: 'malformed number', PropertyNameExpected: 'a property name (in double quotes) is expected',
    ValueExpected: 'a value is expected', ColonExpected: 'a colon is expected', CommaExpected: 'a comma is expected',
    CloseBraceExpected: 'a closing } is expected', CloseBracketExpected: 'a closing ] is expected', EndOfFileExpected: 'nothing may follow the value',
    InvalidCommentToken: 'comments are not JSON', UnexpectedEndOfComment: 'unfinished comment', UnexpectedEndOfString: 'unfinished string',
    UnexpectedEndOfNumber: 'unfinished number', InvalidUnicode: 'invalid \\u escape', InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character in a string',
  };
  const code = printParseErrorCode(e.error);
  return words[code] ?? code;
}
