import type { SourceLoc } from '../../core/model/model';

/** An object-like `#define` of the header: a name clang is then asked to evaluate. */
export interface MacroCandidate {
  readonly name: string;
  readonly loc: SourceLoc;
}

const DEFINE = /^([ \t]*#[ \t]*define[ \t]+)([A-Za-z_][A-Za-z0-9_]*)(.*)$/;

/** The replacement text of a directive with its continuation lines, comments removed. */
function bodyOf(lines: readonly string[], i: number, rest: string): string {
  let body = rest;
  let j = i;
  while (body.endsWith('\\') && j + 1 < lines.length) {
    j += 1;
    body = body.slice(0, -1) + ' ' + (lines[j] as string);
  }
  return body.replace(/\/\*.*?\*\//g, ' ').replace(/\/\/.*$/, '').replace(/\/\*.*$/, '').trim();
}

/** An object-like `#define` with its replacement text (comments removed, continuation lines joined). */
export interface MacroDefinition extends MacroCandidate {
  readonly body: string;
  /** 0-based index of the directive's first line in the text. */
  readonly index: number;
}

/**
 * The object-like, non-empty `#define`s of a text, the first of each name, in order. Function-like
 * macros and empty ones (include guards, attribute markers) are left out.
 */
export function macroDefinitions(text: string, file: string): MacroDefinition[] {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const out: MacroDefinition[] = [];
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    const m = DEFINE.exec(line);
    if (m === null) return;
    const name = m[2] as string;
    const rest = m[3] as string;
    if (rest.startsWith('(')) return; // function-like: NAME( with no space
    const body = bodyOf(lines, i, rest);
    if (body === '' || seen.has(name)) return;
    seen.add(name);
    out.push({ name, loc: { file, line: i + 1, col: (m[1] as string).length + 1 }, body, index: i });
  });
  return out;
}

/**
 * Lists the names of object-like macros defined in a header's own text, with the position of the
 * name. This only proposes names: whether one is defined at all (conditions, comments, `#undef`),
 * and what it means (an integer, an ioctl, anything else), clang decides when the probe uses it.
 */
export function macroCandidates(text: string, file: string): MacroCandidate[] {
  return macroDefinitions(text, file).map((d) => ({ name: d.name, loc: d.loc }));
}

/**
 * The text after a candidate's name in its `#define` up to the end of the directive (continuation
 * lines joined), from the header's lines (split once by the caller: a big header has 250,000 candidates).
 */
export function definitionText(lines: readonly string[], c: MacroCandidate): string {
  let i = c.loc.line - 1;
  let body = (lines[i] ?? '').slice(c.loc.col - 1 + c.name.length);
  while (body.endsWith('\\') && i + 1 < lines.length) {
    i += 1;
    body = body.slice(0, -1) + ' ' + (lines[i] as string);
  }
  return body;
}
