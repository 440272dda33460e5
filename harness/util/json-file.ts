import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { SourceLoc } from '../spec/model';

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
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  const first = errors[0];
  if (first !== undefined) return { error: { message: `JSON syntax: ${describe(first)}`, loc: at(first.offset) } };
  if (tree === undefined) return { error: { message: 'JSON syntax: the file is empty', loc: at(0) } };
  const locate = (p: JsonPath): SourceLoc => {
    for (let n = p.length; n >= 0; n--) {
      const node: Node | undefined = findNodeAtLocation(tree, [...p.slice(0, n)]);
      if (node !== undefined) return at(node.offset);
    }
    return at(0);
  };
  // The value itself from JSON.parse: exactly JSON's semantics (a `__proto__` key is a plain key).
  return { json: { value: JSON.parse(text) as unknown, locate } };
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
