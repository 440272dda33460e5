import * as path from 'node:path';
import { formatIssue } from '../../harness/core/diagnostics/format';
import type { Issue } from '../../harness/core/diagnostics/issue';
import { diffSpecs } from '../../harness/contract/diff/diff-specs';
import { importHeaders } from '../../harness/frontend/import';
import type { SpecVariant } from '../../harness/frontend/import/target-variants';
import type { Abi } from '../../harness/core/layout/abi';
import type { Spec } from '../../harness/core/model/model';
import { validateSpec } from '../../harness/core/model/validate';
import type { HeaderOutcome } from './header-outcome';
import type { TreePair } from './header-trees';
import { skipIfExempt } from './kernel-header-test';

/** `compile`: the version did not compile (clang errors), as opposed to a spec the harness refuses. */
type Side = { spec: Spec; variants?: readonly SpecVariant[] } | { failure: string; compile: boolean };

/**
 * One version of each header imported as `uapi` loads a header argument (harness/contract/load/load-uapi.ts):
 * clang import against the version's own tree, then validation; an error fails the header. All of
 * them go to clang together, so that native clang compiles many probes per process.
 */
async function importSide(tree: string, side: string, headers: readonly string[]): Promise<Side[]> {
  const results = await importHeaders(headers.map((rel) => {
    const file = path.join(tree, rel);
    return { file, options: { includeDirs: [tree], displayName: file } };
  }));
  return results.map((r): Side => {
    const problems: Issue[] = r.spec === undefined ? r.issues : [...r.issues, ...validateSpec(r.spec)];
    const error = problems.find((i) => i.severity === 'error');
    if (r.spec !== undefined && error === undefined) return { spec: r.spec, ...(r.variants !== undefined ? { variants: r.variants } : {}) };
    const first = error ?? problems[0];
    return { failure: `${side}: ${first !== undefined ? formatIssue(first) : 'no spec'}`, compile: first?.code === 'CLANG_ERROR' };
  });
}

/**
 * What `uapi check-tree` does for each header of both trees: import the old and the new version,
 * each against its own tree (one clang run per version; the layout engine then serves every ABI; a
 * target-dependent header is also preprocessed per ABI and imported once per distinct variant),
 * and diff them in header mode on every ABI. A version that does not import fails the header, unless
 * it does not compile and the kernel's own header test exempts it (skipped). The two sides are
 * imported at the same time (two clang processes).
 */
export async function checkHeadersWithUapi(pair: TreePair, headers: readonly string[], abis: readonly Abi[]): Promise<HeaderOutcome[]> {
  const [olds, news] = await Promise.all([importSide(pair.oldDir, 'old', headers), importSide(pair.newDir, 'new', headers)]);
  return headers.map((rel, i): HeaderOutcome => {
    const o = olds[i] as Side;
    const n = news[i] as Side;
    if ('failure' in o) return skipIfExempt({ path: rel, status: 'failed', reason: o.failure }, o.compile);
    if ('failure' in n) return skipIfExempt({ path: rel, status: 'failed', reason: n.failure }, n.compile);
    // A target-dependent header is diffed on each ABI through that ABI's variant of each version.
    const d = diffSpecs(
      { spec: o.spec, label: `${pair.oldLabel}:${rel}`, headerMode: true, ...(o.variants !== undefined ? { variants: o.variants } : {}) },
      { spec: n.spec, label: `${pair.newLabel}:${rel}`, headerMode: true, ...(n.variants !== undefined ? { variants: n.variants } : {}) },
      { abis },
    );
    return { path: rel, status: 'compared', breaking: d.verdict === 'breaking' };
  });
}
