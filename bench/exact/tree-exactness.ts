import * as path from 'node:path';
import { importHeaders } from '../../harness/frontend/import';
import { specForAbi } from '../../harness/frontend/import/target-variants';
import type { Abi } from '../../harness/core/layout/abi';
import { verifyLayouts, type LayoutMismatch, type VerifyResult } from '../../harness/frontend/oracle/verify-layout';
import { hasErrors } from '../../harness/core/diagnostics/issue';

/** One header's comparison with clang on every ABI. */
export interface HeaderExactness {
  readonly path: string;
  /** Why the header was not imported (its first error), when it was not. */
  readonly failed?: string;
  /** Values compared, over the ABIs it compiles on. */
  readonly checked: number;
  readonly mismatches: readonly LayoutMismatch[];
  /** ABIs the header does not compile for (clang's first error): nothing is compared there. */
  readonly notCompiled: ReadonlyMap<string, string>;
}

/**
 * Imports every header (relative paths under `tree`) against the tree itself, as `uapi layout H -I
 * tree` does, and compares every value the layout engine gives for each ABI (from that ABI's variant)
 * with clang compiling the header for that ABI's target against the same tree, whose per-architecture
 * folders (`i386-linux-gnu/asm/`...) give each target its own asm/ headers: `uapi verify-layout H -I
 * tree --abi all` per header. `chunk` headers are imported and checked at a time (they share clang
 * processes: one `clang -cc1` for many probes of one ABI).
 */
export async function treeExactness(tree: string, headers: readonly string[], abis: readonly Abi[], options: { chunk: number; progress?: (line: string) => void }): Promise<HeaderExactness[]> {
  const out: HeaderExactness[] = [];
  for (let start = 0; start < headers.length; start += options.chunk) {
    const slice = headers.slice(start, start + options.chunk);
    options.progress?.(`exact.whole_tree: headers ${start + 1}-${start + slice.length} of ${headers.length}`);
    const imported = await importHeaders(slice.map((rel) => ({ file: path.join(tree, rel), options: { includeDirs: [tree] } })));
    const checked = slice.flatMap((rel, i) => {
      const r = imported[i];
      return r?.spec !== undefined && !hasErrors(r.issues) ? [{ rel, r, spec: r.spec }] : [];
    });
    const verified = await verifyLayouts(checked.map(({ rel, r, spec }) => {
      const file = path.join(tree, rel);
      return { spec, source: { kind: 'header' as const, file, displayName: file }, specFor: (a: Abi) => specForAbi(spec, r.variants, a.name) };
    }), { abis, includeDirs: [tree] });
    const byPath = new Map(checked.map((c, i) => [c.rel, verified[i] as VerifyResult]));
    for (const [i, rel] of slice.entries()) {
      const v = byPath.get(rel);
      if (v === undefined) {
        const first = imported[i]?.issues.find((x) => x.severity === 'error');
        out.push({ path: rel, failed: first !== undefined ? `${first.code}: ${first.message}` : 'no spec', checked: 0, mismatches: [], notCompiled: new Map() });
        continue;
      }
      const notCompiled = new Map<string, string>();
      for (const x of v.issues) {
        const abi = /^(\S+?): /.exec(x.path)?.[1];
        if (abi !== undefined && !notCompiled.has(abi)) notCompiled.set(abi, `${x.loc !== undefined ? `${x.loc.file}:${x.loc.line}: ` : ''}${x.message}`);
      }
      out.push({ path: rel, checked: v.checked, mismatches: v.mismatches, notCompiled });
    }
  }
  return out;
}

/** Totals of a whole-tree comparison. */
export interface ExactnessTotals {
  readonly headers: number;
  readonly imported: number;
  readonly values: number;
  readonly mismatches: number;
  /** Header × ABI pairs clang does not compile (left out of the comparison). */
  readonly notCompiled: number;
  /** Headers with at least one mismatch. */
  readonly headersWithMismatches: number;
}

export function totalsOf(results: readonly HeaderExactness[]): ExactnessTotals {
  return {
    headers: results.length,
    imported: results.filter((r) => r.failed === undefined).length,
    values: results.reduce((n, r) => n + r.checked, 0),
    mismatches: results.reduce((n, r) => n + r.mismatches.length, 0),
    notCompiled: results.reduce((n, r) => n + r.notCompiled.size, 0),
    headersWithMismatches: results.filter((r) => r.mismatches.length > 0).length,
  };
}

/** One line per mismatch, `header: abi: path: kind: engine E, clang C`, at most `limit`. */
export function mismatchLines(results: readonly HeaderExactness[], limit: number): string[] {
  const lines = results.flatMap((r) => r.mismatches.map((m) => `${r.path}: ${m.abi}: ${m.path}: ${m.kind}: engine ${m.engine}, clang ${m.clang}`));
  return lines.length <= limit ? lines : [...lines.slice(0, limit), `... and ${lines.length - limit} more`];
}
