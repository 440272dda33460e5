import * as fs from 'node:fs';
import * as path from 'node:path';
import { isKernelSeries, type KernelSeries } from '../../harness/frontend/kernel-headers';
import { CORPUS_SERIES, type CorpusTrees } from './corpus-trees';

/** One header compared between two consecutive kernel series. */
export interface CorpusPair {
  readonly header: string;
  readonly old: KernelSeries;
  readonly new: KernelSeries;
  /** Which group of headers (one judge each) it belongs to. */
  readonly group: string;
  /** Both texts are byte-identical (such pairs test for false verdicts). */
  readonly identicalText: boolean;
}

export interface PairList {
  /** Group name → its headers, in the order listed. */
  readonly groups: Readonly<Record<string, readonly string[]>>;
  readonly pairs: readonly CorpusPair[];
}

/** The committed list, beside the sources (`bench/real-history/pairs.json`). */
export const PAIRS_FILE = path.resolve(__dirname, '..', '..', '..', 'bench', 'real-history', 'pairs.json');

/**
 * Every consecutive-series pair of every header of the groups where both sides exist in the trees
 * (drm/ appears in Debian's package only from 6.12 on, iommufd.h from 6.12, ...), in group order.
 */
export function consecutivePairs(groups: Readonly<Record<string, readonly string[]>>, trees: CorpusTrees): CorpusPair[] {
  const pairs: CorpusPair[] = [];
  for (const [group, headers] of Object.entries(groups)) {
    for (const header of headers) {
      for (let i = 0; i + 1 < CORPUS_SERIES.length; i++) {
        const [o, n] = [CORPUS_SERIES[i] as KernelSeries, CORPUS_SERIES[i + 1] as KernelSeries];
        const a = path.join(trees[o].includeDir, header);
        const b = path.join(trees[n].includeDir, header);
        if (!fs.existsSync(a) || !fs.existsSync(b)) continue;
        pairs.push({ header, old: o, new: n, group, identicalText: fs.readFileSync(a).equals(fs.readFileSync(b)) });
      }
    }
  }
  return pairs;
}

/** Reads and checks pairs.json; a string says what is wrong with it. */
export function readPairList(file: string = PAIRS_FILE): PairList | string {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    return `${file}: ${(e as Error).message}`;
  }
  const d = data as Partial<PairList>;
  if (typeof d.groups !== 'object' || d.groups === null || !Array.isArray(d.pairs)) return `${file}: needs "groups" and "pairs"`;
  for (const [i, p] of d.pairs.entries()) {
    if (typeof p.header !== 'string' || !isKernelSeries(String(p.old)) || !isKernelSeries(String(p.new)) || typeof p.group !== 'string') {
      return `${file}: pairs[${i}] needs header, old and new (kernel series) and group`;
    }
  }
  return { groups: d.groups, pairs: d.pairs };
}
