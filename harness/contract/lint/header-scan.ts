/**
 * A text-level view of a C header for the hygiene rule (S13): the code with comments and literals
 * blanked out (same length, same line breaks, so positions stay valid), where the comments are, and
 * line/column lookup. It is not a C parser: it only has to be right about comments and literals.
 */
export interface ScannedHeader {
  readonly text: string;
  /** `text` with every comment, string and character literal replaced by spaces (newlines kept). */
  readonly code: string;
  /** Offsets where a `//` comment starts. */
  readonly lineComments: readonly number[];
  position(offset: number): { line: number; col: number };
}

export function scanHeader(text: string): ScannedHeader {
  const code = text.split('');
  const lineComments: number[] = [];
  const blank = (from: number, to: number): void => {
    for (let k = from; k < to; k++) if (code[k] !== '\n') code[k] = ' ';
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && next === '/') {
      lineComments.push(i);
      let stop = i;
      // A backslash before the newline continues a // comment onto the next line.
      while (stop < text.length && !(text[stop] === '\n' && text[stop - 1] !== '\\')) stop++;
      blank(i, stop);
      i = stop;
    } else if (c === '"' || c === "'") {
      let stop = i + 1;
      while (stop < text.length && text[stop] !== c && text[stop] !== '\n') stop += text[stop] === '\\' ? 2 : 1;
      blank(i + 1, Math.min(stop, text.length));
      i = stop + 1;
    } else {
      i++;
    }
  }
  const lineStarts = [0];
  for (let k = 0; k < text.length; k++) if (text[k] === '\n') lineStarts.push(k + 1);
  return {
    text,
    code: code.join(''),
    lineComments,
    position(offset) {
      let lo = 0;
      let hi = lineStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, col: offset - (lineStarts[lo] ?? 0) + 1 };
    },
  };
}

export interface Directive {
  readonly name: string;
  readonly rest: string;
  readonly offset: number;
}

/** Preprocessor directives of the blanked code, in order (continuation lines joined). */
export function directives(code: string): Directive[] {
  const out: Directive[] = [];
  const re = /^[ \t]*#[ \t]*(\w+)((?:[^\n]*\\\n)*[^\n]*)/gm;
  for (let m = re.exec(code); m !== null; m = re.exec(code)) {
    out.push({ name: m[1] ?? '', rest: (m[2] ?? '').replace(/\\\n/g, ' ').trim(), offset: m.index + (m[0].length - m[0].trimStart().length) });
  }
  return out;
}

const KEYWORDS = new Set(['return', 'goto', 'case', 'default', 'else', 'do', 'if', 'while', 'for', 'switch', 'break', 'continue', 'sizeof', 'typedef']);
const DECLARATION = /^(?:(?:const|volatile|static|register|extern|unsigned|signed|struct|union|enum)\s+)*([A-Za-z_]\w*)(?:\s+|\s*\*[\s*]*)[A-Za-z_]\w*\s*(?:=|\[|,|$)/;

function isDeclaration(item: string): boolean {
  const m = DECLARATION.exec(item);
  return m !== null && !KEYWORDS.has(m[1] ?? '');
}

/**
 * C90 wants a block's declarations before its statements. In a header only `static __inline__`
 * function bodies have statements; this walks every `{...}` that follows a `)` (a function body or a
 * block inside one), splits it at `;`, `{` and `}`, and returns the offsets of declarations that
 * come after a statement of the same block, and of C99 `for (int i = ...` loop declarations.
 */
export function lateDeclarations(code: string): number[] {
  const out: number[] = [];
  // Blank preprocessor lines so their text is not taken for declarations or statements.
  const body = code.replace(/^[ \t]*#(?:[^\n]*\\\n)*[^\n]*/gm, (d) => d.replace(/[^\n]/g, ' '));
  const blocks: { inFunction: boolean; sawStatement: boolean }[] = [];
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== ';' && c !== '{' && c !== '}') continue;
    const raw = body.slice(start, i);
    const item = raw.trim();
    const itemOffset = start + (raw.length - raw.trimStart().length);
    start = i + 1;
    const block = blocks[blocks.length - 1];
    const inFunction = block?.inFunction === true;
    if (block !== undefined && block.inFunction && item !== '') {
      if (/^for\s*\(\s*(?:(?:const|unsigned|signed|struct|union|enum)\s+)*[A-Za-z_]\w*[\s*]+[A-Za-z_]\w*\s*=/.test(item)) out.push(itemOffset);
      else if (isDeclaration(item)) {
        if (block.sawStatement) out.push(itemOffset);
      } else block.sawStatement = true;
    }
    if (c === '{') {
      // A function body opens after `)`; inside one, every block counts.
      blocks.push({ inFunction: inFunction || /\)\s*$/.test(item), sawStatement: false });
      if (inFunction && block !== undefined && item !== '') block.sawStatement = true;
    } else if (c === '}') {
      blocks.pop();
    }
  }
  return out;
}
