import { formatIssue } from '../../harness/core/diagnostics/format';
import { diffSpecs } from '../../harness/contract/diff/diff-specs';
import { importHeader } from '../../harness/frontend/import';
import { ABIS, DEFAULT_ABI_NAMES } from '../../harness/core/layout/abi';
import type { Spec } from '../../harness/core/model/model';
import { validateSpec } from '../../harness/core/model/validate';
import type { LoadedBenchmark } from '../benchmark';
import { habanalabsPair, type HeaderVersion } from '../header-pair';

const DEFAULT_ABIS = ABIS.filter((a) => DEFAULT_ABI_NAMES.includes(a.name));

async function importVersion(v: HeaderVersion): Promise<Spec | string> {
  const r = await importHeader(v.file, { includeDirs: [v.tree] });
  const problems = r.spec === undefined ? r.issues : [...r.issues, ...validateSpec(r.spec)];
  const error = problems.find((i) => i.severity === 'error');
  return r.spec !== undefined && error === undefined ? r.spec : `cannot import ${v.label}: ${error !== undefined ? formatIssue(error) : 'no spec'}`;
}

/**
 * Changes classified per second: the real habanalabs history from Linux 6.1 to 6.12 (imported once,
 * untimed), diffed in header mode on the 8 default ABIs. Each run is a whole `diffSpecs` (matching,
 * layouts of both versions, every rule, policy, ordering); the rate counts the changes it reports.
 */
export const diffChangesBenchmark: LoadedBenchmark = {
  name: 'diff.changes_per_s',
  unit: 'changes/s',
  description: 'uapi diff of habanalabs 6.1 -> 6.12 on 8 ABIs (header mode), changes reported per second',
  async load() {
    const found = habanalabsPair();
    if (found.pair === undefined) return found.issues.map(formatIssue).join('; ');
    const o = await importVersion(found.pair.old);
    const n = await importVersion(found.pair.new);
    if (typeof o === 'string') return o;
    if (typeof n === 'string') return n;
    const diff = (): number => diffSpecs({ spec: o, label: 'old', headerMode: true }, { spec: n, label: 'new', headerMode: true }, { abis: DEFAULT_ABIS }).changes.length;
    const count = diff();
    if (count === 0) return 'the 6.1 and 6.12 headers show no change: not a useful input';
    return { itemsPerRun: count, run: () => diff() === count };
  },
};
