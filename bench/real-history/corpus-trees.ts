import { formatIssue } from '../../harness/core/diagnostics/format';
import type { Issue } from '../../harness/core/diagnostics/issue';
import { fetchKernelSource, fetchPinnedKernelHeaders, type KernelSeries, type PinnedKernelHeaders } from '../../harness/frontend/kernel-headers';

/** The kernel series of the corpus, oldest first; pairs are consecutive series. */
export const CORPUS_SERIES: readonly KernelSeries[] = ['5.10', '6.1', '6.12', '7.2'];

export type CorpusTrees = Readonly<Record<KernelSeries, PinnedKernelHeaders>>;

/**
 * Every series' exact linux-libc-dev from the cache, downloading what is missing (the first run
 * fetches some 20 packages from Debian's archive). Issues say which version could not be had.
 */
export function corpusTrees(progress: (line: string) => void = () => undefined): { trees?: CorpusTrees; issues: Issue[] } {
  const trees: Partial<Record<KernelSeries, PinnedKernelHeaders>> = {};
  const issues: Issue[] = [];
  for (const series of CORPUS_SERIES) {
    progress(`linux-libc-dev for Linux ${series}`);
    const r = fetchPinnedKernelHeaders(series);
    if (r.headers === undefined) issues.push(...r.issues);
    else trees[series] = r.headers;
  }
  return issues.length > 0 ? { issues } : { trees: trees as CorpusTrees, issues: [] };
}

/**
 * The kernel sources of every series a pair starts from (`linux-source-<series>` of the same Debian
 * version, some 140 MB each the first time): `uapi diff --old-tree` reads in them whether the old
 * kernel still handled an ioctl the new header removed. A series whose sources cannot be had is
 * scored without them, and the note says why.
 */
export function corpusSources(progress: (line: string) => void = () => undefined): { sources: Partial<Record<KernelSeries, string>>; notes: string[] } {
  const sources: Partial<Record<KernelSeries, string>> = {};
  const notes: string[] = [];
  for (const series of CORPUS_SERIES.slice(0, -1)) {
    progress(`linux-source for Linux ${series}`);
    const r = fetchKernelSource(series);
    if (r.source !== undefined) sources[series] = r.source.dir;
    else notes.push(...r.issues.map(formatIssue));
  }
  return { sources, notes };
}

/** `fetch.js`: fetches every tree and prints where it is, what it holds and what it lacks. Exit 2 when one cannot be had. */
export function main(): number {
  const r = corpusTrees((line) => process.stderr.write(`fetch: ${line}\n`));
  if (r.trees === undefined) {
    for (const i of r.issues) process.stderr.write(`${formatIssue(i)}\n`);
    return 2;
  }
  for (const series of CORPUS_SERIES) {
    const t = r.trees[series];
    process.stdout.write(`Linux ${series}: linux-libc-dev ${t.version} -> ${t.includeDir}\n`);
    for (const p of t.packages) process.stdout.write(`  ${p.file}  sha256 ${p.sha256}\n`);
    for (const n of t.notes) process.stdout.write(`  note: ${n}\n`);
  }
  const src = corpusSources((line) => process.stderr.write(`fetch: ${line}\n`));
  for (const [series, dir] of Object.entries(src.sources)) process.stdout.write(`Linux ${series}: linux-source -> ${dir}\n`);
  for (const n of src.notes) process.stdout.write(`  note: ${n}\n`);
  return 0;
}
