import type { HeaderFacts, IncludedDefinition } from '../../frontend/import/header-facts';
import type { Change } from './change';
import { isSentinel } from './context';
import type { Rule } from './rule';
import * as R from './rules';
import { classifyValueChange } from './value-change';

/** A side's facts on one ABI (its variant's), if the side is a header. */
export type FactsOf = (abi: string) => HeaderFacts | undefined;

/** Removal rules, the kinds of included definition that may stand in for the name, and the rule for a value that changed on the way. */
const REMOVALS = new Map<string, { kinds: readonly IncludedDefinition['kind'][]; changed?: Rule }>([
  [R.IOCTL_REMOVED.id, { kinds: ['macro'] }],
  [R.ENUMERATOR_REMOVED.id, { kinds: ['enumerator', 'macro'], changed: R.ENUMERATOR_VALUE_CHANGED }],
  [R.FLAG_REMOVED.id, { kinds: ['macro', 'enumerator'], changed: R.FLAG_VALUE_CHANGED }],
  [R.OPCODE_REMOVED.id, { kinds: ['macro', 'enumerator'], changed: R.OPCODE_VALUE_CHANGED }],
  [R.CONSTANT_REMOVED.id, { kinds: ['macro', 'enumerator'], changed: R.CONSTANT_VALUE_CHANGED }],
  [R.TYPE_REMOVED.id, { kinds: ['record'] }],
  [R.ENUM_REMOVED.id, { kinds: ['enum'] }],
]);

/** `ioctl KVM_X` -> KVM_X, `enum e.X` -> X, `enum e` -> e, `constant X` -> X, `struct s` -> s. */
export function removedName(subject: string): string {
  const name = subject.slice(subject.indexOf(' ') + 1);
  return subject.startsWith('enum ') ? name.slice(name.lastIndexOf('.') + 1) : name;
}

/** The included definitions of a facts object by name, built once per object. */
function indexer(): (facts: HeaderFacts | undefined) => ReadonlyMap<string, readonly IncludedDefinition[]> {
  const memo = new Map<HeaderFacts, Map<string, IncludedDefinition[]>>();
  return (facts) => {
    if (facts === undefined) return new Map();
    let m = memo.get(facts);
    if (m === undefined) {
      m = new Map();
      for (const d of facts.included) m.set(d.name, [...(m.get(d.name) ?? []), d]);
      memo.set(facts, m);
    }
    return m;
  };
}

/** Whether any included header of the side defines `name` on `abi` (any kind). */
export function includedOn(factsOf: FactsOf): (abi: string, name: string) => boolean {
  const index = indexer();
  return (abi, name) => index(factsOf(abi)).has(name);
}

/** What one ABI's included definition makes of a removal. */
function outcome(c: Change, def: IncludedDefinition | undefined, changed: Rule | undefined, oldText: string | undefined): { rule: Rule; message: string; value: Change['new'] } | undefined {
  if (def === undefined) return undefined;
  const name = removedName(c.subject);
  const by = `${def.file}, which the header includes`;
  if (def.kind === 'record' || def.kind === 'enum') {
    return { rule: R.DEFINITION_MOVED, message: `${c.subject} is now defined by ${by}: the name still compiles`, value: c.old };
  }
  if (def.text !== undefined && def.text === oldText) {
    return { rule: R.DEFINITION_MOVED, message: `${name} is now defined by ${by}, with the same text ${def.text} as before, so the same value ${String(c.old)}`, value: c.old };
  }
  if (typeof c.old !== 'bigint' || def.value === undefined) {
    return { rule: R.DEFINITION_MOVED_UNCOMPARED, message: `${name} is now defined by ${by}, by an expression this import does not evaluate there: compare it with the old value ${String(c.old)}, then waive it`, value: null };
  }
  if (def.value === c.old) return { rule: R.DEFINITION_MOVED, message: `${name} is now defined by ${by}, with the same value ${c.old}`, value: def.value };
  if (changed === R.ENUMERATOR_VALUE_CHANGED && isSentinel(name, true) && def.value > c.old) {
    return { rule: R.ENUM_SENTINEL_MOVED, message: `sentinel ${name} moved ${c.old} -> ${def.value} (now defined by ${by})`, value: def.value };
  }
  const m = classifyValueChange({ name, old: c.old, new: def.value, added: new Map(), plainRule: changed ?? R.CONSTANT_VALUE_CHANGED, where: `now defined by ${by}` });
  return { rule: m.rule, message: m.message, value: def.value };
}

/**
 * Removals of names that a uAPI header the new version includes still defines on that ABI (kvm.h 6.12
 * moved `enum pv_cmd_id` into s390's asm/kvm.h, which it includes): on those ABIs the name did not go
 * away. Each such removal is split by ABI into what the included definition shows — moved with the
 * same value (or the same identifier-free text), moved with another value (judged as any value change),
 * or moved with a value the import did not evaluate — and the ABIs where nothing defines it any more, which keep the removal.
 */
export function movedDefinitions(changes: readonly Change[], oldFactsOf: FactsOf, newFactsOf: FactsOf): Change[] {
  const index = indexer();
  return changes.flatMap((c): Change[] => {
    const removal = REMOVALS.get(c.rule);
    if (removal === undefined) return [c];
    const name = removedName(c.subject);
    const groups = new Map<string, { rule: Rule; message: string; value: Change['new']; abis: string[] }>();
    const rest: string[] = [];
    for (const abi of c.abis) {
      const def = (index(newFactsOf(abi)).get(name) ?? []).find((d) => removal.kinds.includes(d.kind));
      const o = outcome(c, def, removal.changed, oldFactsOf(abi)?.texts.find((t) => t.name === name)?.text);
      if (o === undefined) {
        rest.push(abi);
        continue;
      }
      const k = `${o.rule.id}\0${o.message}`;
      const g = groups.get(k);
      if (g === undefined) groups.set(k, { ...o, abis: [abi] });
      else g.abis.push(abi);
    }
    if (groups.size === 0) return [c];
    const moved = [...groups.values()].map((g): Change => ({ ...c, rule: g.rule.id, level: g.rule.level, abis: g.abis, new: g.value, message: g.message }));
    return rest.length > 0 ? [{ ...c, abis: rest }, ...moved] : moved;
  });
}
