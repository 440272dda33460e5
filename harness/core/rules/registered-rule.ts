import type { Severity } from '../diagnostics/issue';

/**
 * Which vocabulary a rule belongs to: a change rule of `uapi diff`, a lint rule, a behaviour rule a
 * property checks, or a check of the gate itself (goldens, traces, accepted changes).
 */
export type RuleFamily = 'change' | 'lint' | 'property' | 'check';

/**
 * One rule as every report describes it. The rules are declared where they are checked (the diff's
 * table, each lint rule's file, the property suite's table, the gate's steps); each layer lists its
 * own as these, and the gate puts them together (harness/gate/rule-registry.ts).
 */
export interface RegisteredRule {
  /** As report items name it: `FIELD_MOVED`, `S2/no-implicit-padding`, `D1/nonzero-pad-rejected`. */
  readonly id: string;
  readonly family: RuleFamily;
  /** The family's own word for how bad it is: a change level (`abi-break`), a lint severity, `error`. */
  readonly level: string;
  /** How a result of the rule shows by default (reports may grade a single result otherwise). */
  readonly severity: Severity;
  /** One line: what the rule protects. */
  readonly purpose: string;
}

/** Rules by id. */
export type RuleRegistry = ReadonlyMap<string, RegisteredRule>;

/**
 * The families' rules as one registry. An id declared twice is a programming error (two rules
 * would answer to one name in every report), so it throws.
 */
export function ruleRegistry(...families: readonly (readonly RegisteredRule[])[]): RuleRegistry {
  const byId = new Map<string, RegisteredRule>();
  for (const r of families.flat()) {
    if (byId.has(r.id)) throw new Error(`rule ${r.id} is declared twice (${byId.get(r.id)?.family ?? ''} and ${r.family})`);
    byId.set(r.id, r);
  }
  return byId;
}
