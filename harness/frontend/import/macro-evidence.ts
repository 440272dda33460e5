import type { RetiredMacro } from './header-facts';
import { macroDefinitions, type MacroDefinition } from './macro-candidates';

const IFNDEF = /^[ \t]*#[ \t]*(?:ifndef[ \t]+([A-Za-z_]\w*)|if[ \t]+!\s*defined[ \t]*\(?[ \t]*([A-Za-z_]\w*))/;
/** A name that says the request it stands for is retired: `__KVM_DEPRECATED_MAIN_0x07`. */
const RETIRED_NAME = /(?:^|_)(?:DEPRECATED|OBSOLETE)(?:_|$)/i;
/** Words of a comment that retire what it is attached to. */
const RETIRED_WORDS = /\b(?:deprecated|obsolete|no longer (?:supported|used|implemented)|not supported any ?more|unsupported)\b/i;

const lastNonBlank = (lines: readonly string[], before: number): number => {
  let j = before - 1;
  while (j >= 0 && (lines[j] as string).trim() === '') j--;
  return j;
};

/**
 * Macros the header defines as a default, only `#ifndef` themselves (`#ifndef X` / `#define X 0` /
 * `#endif`): an included header (an architecture's asm/) may define them first, and then this
 * definition is not the one a program gets.
 */
export function fallbackMacros(text: string, defs: readonly MacroDefinition[] = macroDefinitions(text, '')): string[] {
  const lines = text.split('\n');
  return defs.flatMap((d) => {
    const m = IFNDEF.exec(lines[lastNonBlank(lines, d.index)] ?? '');
    return m !== null && (m[1] ?? m[2]) === d.name ? [d.name] : [];
  });
}

/** The comment attached to a definition: on its own line(s), or the comment block right above it. */
function attachedComment(lines: readonly string[], d: MacroDefinition): string {
  let end = d.index;
  while ((lines[end] as string).trimEnd().endsWith('\\') && end + 1 < lines.length) end++;
  const own = lines.slice(d.index, end + 1).join('\n');
  const trailing = /\/\*[\s\S]*?(?:\*\/|$)|\/\/.*$/m.exec(own.slice(own.indexOf(d.name) + d.name.length))?.[0] ?? '';
  const above = d.index - 1;
  if (above < 0) return trailing;
  const prev = (lines[above] as string).trim();
  if (prev.startsWith('//')) {
    let j = above;
    while (j - 1 >= 0 && (lines[j - 1] as string).trim().startsWith('//')) j--;
    return `${lines.slice(j, above + 1).join('\n')}\n${trailing}`;
  }
  if (!prev.endsWith('*/')) return trailing;
  let j = above;
  while (j >= 0 && !(lines[j] as string).includes('/*')) j--;
  // Only a comment on lines of its own: the trailing comment of the definition above belongs to that one.
  if (j < 0 || !(lines[j] as string).trim().startsWith('/*')) return trailing;
  return `${lines.slice(j, above + 1).join('\n')}\n${trailing}`;
}

/**
 * Macros the header's own text marks as retired: defined through a name that says so
 * (`#define KVM_TRACE_ENABLE __KVM_DEPRECATED_MAIN_W_0x06`), or with a comment attached to the
 * definition that says so (`/* KVM_SET_MEMORY_ALIAS is obsolete: *\/`). The evidence is quoted.
 */
export function retiredMacros(text: string, defs: readonly MacroDefinition[] = macroDefinitions(text, '')): RetiredMacro[] {
  const lines = text.split('\n');
  return defs.flatMap((d): RetiredMacro[] => {
    if (/^[A-Za-z_]\w*$/.test(d.body) && RETIRED_NAME.test(d.body)) return [{ name: d.name, evidence: `defined as ${d.body}` }];
    const comment = attachedComment(lines, d);
    const word = RETIRED_WORDS.exec(comment);
    if (word === null) return [];
    const said = comment.replace(/\/\*+|\*+\/|^\s*\*|\/\//gm, ' ').replace(/\s+/g, ' ').trim();
    return [{ name: d.name, evidence: `its comment says "${said}"` }];
  });
}
