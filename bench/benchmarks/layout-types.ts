import { ABIS, DEFAULT_ABI_NAMES } from '../../harness/core/layout/abi';
import { LayoutEngine } from '../../harness/core/layout/engine';
import { spec } from '../../specs/habanalabs/spec';
import type { Benchmark } from '../benchmark';

const DEFAULT_ABIS = ABIS.filter((a) => DEFAULT_ABI_NAMES.includes(a.name));

/**
 * Struct and union layouts computed per second: every named record of the habanalabs spec on each
 * of the 8 default ABIs, with a fresh engine per ABI each run (the engines' caches would otherwise
 * answer from memory after the first run). A type counts once per ABI.
 */
export const layoutTypesBenchmark: Benchmark = {
  name: 'layout.types_per_s',
  unit: 'types/s',
  description: 'record layouts (size, alignment, every member offset) of the habanalabs spec, per ABI',
  setup() {
    const names = spec.records.flatMap((r) => (r.name !== undefined ? [r.name] : []));
    if (names.length === 0) throw new Error('bench: the habanalabs spec has no named records');
    return {
      itemsPerRun: names.length * DEFAULT_ABIS.length,
      run: () => {
        let bytes = 0;
        for (const abi of DEFAULT_ABIS) {
          const engine = new LayoutEngine(spec, abi);
          for (const n of names) bytes += engine.record(n).size;
        }
        return bytes > 0;
      },
    };
  },
};
