import type { Change } from './change';
import type { FactsOf } from './moved-definitions';
import * as R from './rules';

/** Value changes of a constant (by any rule that judges a plain value). */
const VALUE_CHANGES = new Set([R.CONSTANT_VALUE_CHANGED.id, R.FLAG_VALUE_CHANGED.id, R.OPCODE_VALUE_CHANGED.id]);

/**
 * `#ifndef KVM_DIRTY_LOG_PAGE_OFFSET` / `#define KVM_DIRTY_LOG_PAGE_OFFSET 0` in kvm.h is the value for
 * architectures whose asm/kvm.h does not define it ("arch needs to define the macro after implementing
 * the dirty ring feature"); arm64's 6.12 asm/kvm.h defines 64. A value change is such a default
 * overridden where, on that ABI, the old header's value was its own fallback (no included header
 * defined the name) and an included header of the new version defines it: a hazard whose condition
 * (the old kernel of that ABI lacked the feature) the header cannot show. Other ABIs keep the change.
 */
export function defaultOverrides(changes: readonly Change[], oldFactsOf: FactsOf, newFactsOf: FactsOf): Change[] {
  return changes.flatMap((c): Change[] => {
    if (!VALUE_CHANGES.has(c.rule) || !c.subject.startsWith('constant ')) return [c];
    const name = c.subject.slice('constant '.length);
    const overridden = (abi: string): string | undefined => {
      const before = oldFactsOf(abi);
      const now = newFactsOf(abi);
      if (before === undefined || now === undefined || !before.fallbacks.includes(name)) return undefined;
      if (before.included.some((d) => d.name === name && d.kind === 'macro')) return undefined;
      return now.included.find((d) => d.name === name && d.kind === 'macro')?.file;
    };
    const files = new Map(c.abis.map((a) => [a, overridden(a)]));
    const hit = c.abis.filter((a) => files.get(a) !== undefined);
    if (hit.length === 0) return [c];
    const byFile = new Map<string, string[]>();
    for (const a of hit) byFile.set(files.get(a) as string, [...(byFile.get(files.get(a) as string) ?? []), a]);
    const rest = c.abis.filter((a) => files.get(a) === undefined);
    const moved = [...byFile].map(([file, abis]): Change => ({
      ...c,
      rule: R.CONSTANT_DEFAULT_OVERRIDDEN.id,
      level: R.CONSTANT_DEFAULT_OVERRIDDEN.level,
      abis,
      message: `${name} was the header's own #ifndef fallback ${String(c.old)} on ${abis.join(', ')} (no included header defined it) and is now defined by ${file} as ${String(c.new)}: by the kernel's convention the fallback marks a feature the architecture lacks, so old binaries could not use ${String(c.old)} for it. Check that the old kernel of ${abis.join(', ')} lacked it, then waive it`,
    }));
    return rest.length > 0 ? [{ ...c, abis: rest }, ...moved] : moved;
  });
}
