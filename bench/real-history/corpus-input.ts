import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatIssue } from '../../harness/core/diagnostics/format';
import type { KernelSeries } from '../../harness/frontend/kernel-headers';
import { CORPUS_SERIES, corpusSources, corpusTrees } from './corpus-trees';
import { readPairList, type CorpusPair } from './pairs';

/** The pairs to score and the `usr/include` tree of each series they come from. */
export interface CorpusInput {
  readonly label: string;
  readonly trees: Readonly<Record<KernelSeries, string>>;
  readonly pairs: readonly CorpusPair[];
  /** Each old series' kernel sources (`uapi diff --old-tree`), where they could be had. */
  readonly sources?: Readonly<Partial<Record<KernelSeries, string>>>;
  /** Why some series have no sources (shown in the report's head). */
  readonly sourceNotes?: readonly string[];
}

/** The committed offline subset: `offline/pairs.json` and `offline/<series>/usr/include`. */
export const OFFLINE_DIR = path.resolve(__dirname, '..', '..', '..', 'bench', 'real-history', 'offline');

/**
 * The whole corpus: pairs.json over the exact Debian packages (fetched into the cache when missing),
 * with the old series' kernel sources unless `sources` is false (what only needs headers).
 */
export function fetchedCorpus(progress?: (line: string) => void, sources = true): CorpusInput | string {
  const list = readPairList();
  if (typeof list === 'string') return list;
  const t = corpusTrees(progress);
  if (t.trees === undefined) return t.issues.map(formatIssue).join('\n');
  const trees = Object.fromEntries(CORPUS_SERIES.map((s) => [s, t.trees?.[s].includeDir as string])) as Record<KernelSeries, string>;
  const label = `Debian linux-libc-dev ${CORPUS_SERIES.map((s) => t.trees?.[s].version).join(', ')}`;
  if (!sources) return { label, trees, pairs: list.pairs };
  const src = corpusSources(progress);
  return { label, trees, pairs: list.pairs, sources: src.sources, sourceNotes: src.notes };
}

/** The offline subset: no download; each side's committed header and the include closure it needs. */
export function offlineCorpus(dir: string = OFFLINE_DIR): CorpusInput | string {
  const list = readPairList(path.join(dir, 'pairs.json'));
  if (typeof list === 'string') return list;
  const trees = Object.fromEntries(CORPUS_SERIES.map((s) => [s, path.join(dir, s, 'usr', 'include')])) as Record<KernelSeries, string>;
  for (const p of list.pairs) {
    for (const s of [p.old, p.new]) if (!fs.existsSync(path.join(trees[s], p.header))) return `${dir}: ${s}/usr/include/${p.header} is missing`;
  }
  return { label: `offline subset (${dir})`, trees, pairs: list.pairs };
}
