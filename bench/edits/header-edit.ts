/**
 * What the kernel's compatibility rule says of an edit: `breaking` when a binary built against the
 * old header stops working on some ABI (a layout, request number or value it compiled in changed
 * meaning); `compatible` when every such binary keeps working (a rename or a removed name only
 * breaks rebuilding, which the rule does not forbid).
 */
/**
 * The kernel rule's answer for an edit: `breaking` (an old binary stops working), `compatible`, or
 * `hazard` (it breaks old binaries only under a condition the header cannot show, or it cannot
 * break an old binary but is a trap for new ones): a header diff must report it without failing.
 */
export type CorrectVerdict = 'breaking' | 'hazard' | 'compatible';

/** One text replacement of an edit: `find` must occur exactly once in the text it applies to. */
export interface Replacement {
  readonly find: string;
  readonly replace: string;
}

/** An edit as written in the catalogue: what it changes, and what a correct tool must say. */
export interface EditDefinition {
  readonly name: string;
  readonly correct: CorrectVerdict;
  /** Why the kernel rule gives that answer, in one sentence. */
  readonly why: string;
  /** Applied in order to the base header. */
  readonly replacements: readonly Replacement[];
}

/** An edit with both header texts, ready to hand to any checker. */
export interface HeaderEdit {
  readonly name: string;
  readonly correct: CorrectVerdict;
  readonly why: string;
  readonly oldText: string;
  readonly newText: string;
}

/** Shorthand for a replacement in catalogue entries. */
export function replace(find: string, replacement: string): Replacement {
  return { find, replace: replacement };
}

function occurrences(text: string, part: string): number {
  let count = 0;
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) count++;
  return count;
}

/**
 * Applies an edit's replacements to `base`. A replacement whose text is not found exactly once is a
 * mistake in the catalogue (the edit would silently change nothing, or the wrong place): it is
 * returned as a problem naming the edit, and the edit is left out.
 */
export function applyEdit(base: string, edit: EditDefinition): { edit?: HeaderEdit; problems: string[] } {
  const problems: string[] = [];
  let text = base;
  for (const r of edit.replacements) {
    const n = occurrences(text, r.find);
    if (n !== 1) problems.push(`edit "${edit.name}": ${JSON.stringify(r.find)} occurs ${n} times, expected once`);
    else text = text.replace(r.find, () => r.replace);
  }
  if (problems.length === 0 && text === base) problems.push(`edit "${edit.name}" changes nothing`);
  if (problems.length > 0) return { problems };
  return { edit: { name: edit.name, correct: edit.correct, why: edit.why, oldText: base, newText: text }, problems };
}
