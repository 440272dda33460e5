/**
 * A definition a program gets from a uAPI header that the imported header includes, rather than from
 * the header itself (kvm.h 6.12 includes s390's asm/kvm.h, which now defines `enum pv_cmd_id`).
 */
export interface IncludedDefinition {
  readonly name: string;
  readonly kind: 'record' | 'enum' | 'enumerator' | 'typedef' | 'macro';
  /** The file that defines it, as the header includes it (`asm/kvm.h`), or its path outside the search folders. */
  readonly file: string;
  /** An enumerator's value, or a macro's when its replacement is one integer literal. */
  readonly value?: bigint;
  /** A macro's replacement when it names no identifier (`(1ULL << 0)`): see {@link identifierFreeText}. */
  readonly text?: string;
}

/** A macro of the header that the header's own text marks as retired, and where it says so. */
export interface RetiredMacro {
  readonly name: string;
  readonly evidence: string;
}

/**
 * What an import learns about a header beyond its spec, for the diff to tell moves and retirements
 * from removals. Facts are per translation unit, so per ABI variant: each target includes its own asm/.
 */
export interface HeaderFacts {
  /** What the included uAPI headers define (not the header's own names, not the foundation headers'). */
  readonly included: readonly IncludedDefinition[];
  /**
   * Macros the header defines only `#ifndef` themselves: a default for targets whose own headers do
   * not define them (kvm.h's `KVM_DIRTY_LOG_PAGE_OFFSET 0`, "this architecture has no dirty ring").
   */
  readonly fallbacks: readonly string[];
  readonly retired: readonly RetiredMacro[];
  /** The header's own macros whose replacement names no identifier, with that text (see {@link identifierFreeText}). */
  readonly texts: readonly { readonly name: string; readonly text: string }[];
}

/**
 * A macro replacement that names no identifier (only literals, operators and parentheses), with its
 * spacing made uniform: two such texts that are equal have the same value wherever they are defined,
 * without evaluating them. Undefined when the text names an identifier (another macro, `_BITULL`).
 */
export function identifierFreeText(body: string): string | undefined {
  if (/(?<![\w.'])[A-Za-z_]\w*/.test(body) || body.includes("'") || body.includes('"')) return undefined;
  return body.replace(/\s+/g, ' ').trim();
}

/** Whether two imports learned the same facts (variants with equal specs but different facts stay apart). */
export function factsEqual(a: HeaderFacts | undefined, b: HeaderFacts | undefined): boolean {
  const text = (f: HeaderFacts | undefined): string => JSON.stringify(f ?? null, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
  return text(a) === text(b);
}
