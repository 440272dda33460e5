import type { Abi } from '../../core/layout/abi';
import type { LintContext } from './context';
import type { RuleFinding } from './rule';

/**
 * Runs a per-ABI check on every ABI being linted and merges what it finds: a finding with the same
 * subject and message on several ABIs is reported once, listing the ABIs when not all of them.
 */
export function acrossAbis(ctx: LintContext, check: (abi: Abi) => readonly RuleFinding[]): RuleFinding[] {
  const merged = new Map<string, { finding: RuleFinding; abis: string[] }>();
  for (const abi of ctx.abis) {
    for (const f of check(abi)) {
      const key = `${f.subject}\u0000${f.message}\u0000${f.severity ?? ''}`;
      const m = merged.get(key);
      if (m === undefined) merged.set(key, { finding: f, abis: [abi.name] });
      else if (!m.abis.includes(abi.name)) m.abis.push(abi.name);
    }
  }
  return [...merged.values()].map(({ finding, abis }) =>
    abis.length === ctx.abis.length ? finding : { ...finding, abis },
  );
}
