import { MUTATIONS, type MutationId } from '../../../../emulator/mutations';
import type { Abi } from '../../../core/layout/abi';
import type { Spec } from '../../../core/model/model';
import type { CorpusEntry } from '../run/corpus';
import { runSuite } from '../run/suite';

/** What the suite did to one mutant. */
export interface MutantResult {
  readonly id: MutationId;
  /** The design rule the mutation breaks (D1..D14 or security). */
  readonly breaks: string;
  readonly killed: boolean;
  /** The property (and the rule it named) that noticed. */
  readonly by?: string;
  readonly rule?: string;
  readonly ms: number;
}

/** `uapi mutate --format json` (contract: killed, total, survivors). */
export interface MutationReport {
  readonly killed: number;
  readonly total: number;
  readonly survivors: readonly { readonly id: string; readonly breaks: string; readonly doc: string }[];
  readonly rate: number;
  readonly target: number;
  /** Whether the unmutated emulator passed the suite (otherwise nothing above means anything). */
  readonly baseline: 'pass' | 'fail';
  readonly baselineFailure?: string;
  readonly mutants: readonly MutantResult[];
  readonly runs: number;
  readonly seed: number;
}

export interface MutateOptions {
  readonly spec: Spec;
  readonly abis: readonly Abi[];
  readonly ids: readonly MutationId[];
  readonly runs: number;
  readonly seed: number;
  readonly target: number;
  readonly corpus: readonly CorpusEntry[];
  readonly onMutant?: (r: MutantResult) => void;
}

/**
 * Mutation testing of the suite: the quick suite against the correct emulator first (it must pass),
 * then against the emulator with each behavioural mutation switched on, stopping at the first
 * failure (a kill). The kill rate says how much of the catalogue of deliberate bugs the suite would
 * notice; survivors are what it would not.
 */
export function mutate(o: MutateOptions): MutationReport {
  const base = { spec: o.spec, abis: o.abis, runs: o.runs, seed: o.seed, corpus: o.corpus, endOnFailure: true, stopAtFirstFailure: true };
  const baseline = runSuite({ ...base, counter: { ioctls: 0 } }).outcomes.find((x) => x.verdict === 'fail');
  const mutants: MutantResult[] = [];
  if (baseline === undefined) {
    for (const id of o.ids) {
      const r = runSuite({ ...base, mutations: [id], counter: { ioctls: 0 } });
      const kill = r.outcomes.find((x) => x.verdict === 'fail');
      const m: MutantResult = {
        id, breaks: MUTATIONS[id].rule, killed: kill !== undefined, ms: r.ms,
        ...(kill !== undefined ? { by: kill.name, ...(kill.rule !== undefined ? { rule: kill.rule } : {}) } : {}),
      };
      mutants.push(m);
      o.onMutant?.(m);
    }
  }
  const killed = mutants.filter((m) => m.killed).length;
  return {
    killed, total: o.ids.length,
    survivors: mutants.filter((m) => !m.killed).map((m) => ({ id: m.id, breaks: m.breaks, doc: MUTATIONS[m.id].doc })),
    rate: o.ids.length === 0 ? 1 : killed / o.ids.length,
    target: o.target,
    baseline: baseline === undefined ? 'pass' : 'fail',
    ...(baseline !== undefined ? { baselineFailure: `${baseline.name}: ${baseline.message ?? ''}` } : {}),
    mutants, runs: o.runs, seed: o.seed,
  };
}

/** Whether the report meets its target (and the baseline passed). */
export const mutationPassed = (r: MutationReport): boolean => r.baseline === 'pass' && r.rate >= r.target;
