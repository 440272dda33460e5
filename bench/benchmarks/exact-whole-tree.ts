import { fetchKernelHeaders } from '../../harness/frontend/kernel-headers';
import { DEFAULT_ABI_NAMES, findAbi, type Abi } from '../../harness/core/layout/abi';
import { issue } from '../../harness/core/diagnostics/issue';
import { mismatchLines, totalsOf, treeExactness } from '../exact/tree-exactness';
import type { MeasureContext, MeasureOutcome, Measurement } from '../measurement';
import { headersUnder } from '../scale/header-trees';

const VALUES = 'exact.whole_tree_values';
const MISMATCHES = 'exact.whole_tree_mismatches';
const HEADERS = 'exact.whole_tree_headers';
const NOT_IMPORTED = 'exact.whole_tree_headers_not_imported';
const NOT_COMPILED = 'exact.whole_tree_header_abis_not_compiled';

/**
 * Exactness on a whole real tree: every architecture-independent header of Debian's linux-libc-dev 6.12
 * (the `all` package, which installs every architecture's asm/ under its multiarch folder), imported and
 * laid out on the 8 ABIs, each value compared with clang compiling the header for that ABI against that
 * architecture's own headers. Counts, not times; opt-in (`--filter exact`): it compiles every header
 * nine times over and takes minutes.
 */
export const exactWholeTree: Measurement = {
  name: 'exact.whole_tree',
  figures: [VALUES, MISMATCHES, HEADERS, NOT_IMPORTED, NOT_COMPILED],
  description: 'every linux-libc-dev 6.12 header on 8 ABIs: values compared with clang against each architecture\'s own headers, and mismatches',
  optIn: true,
  async measure(ctx: MeasureContext): Promise<MeasureOutcome> {
    const tree = fetchKernelHeaders('6.12');
    if (tree.headers === undefined) return { results: [], notes: [], missing: tree.issues, failures: [] };
    const dir = tree.headers.includeDir;
    const headers = headersUnder(dir);
    const abis = DEFAULT_ABI_NAMES.map((n) => findAbi(n) as Abi);
    const results = await treeExactness(dir, headers, abis, { chunk: 192, progress: ctx.progress });
    const t = totalsOf(results);
    const notes = [
      `exact.whole_tree: linux-libc-dev ${tree.headers.version}: ${t.headers} headers, ${t.imported} imported; ${t.values} values compared with clang on ${abis.length} ABIs, ${t.mismatches} mismatches (in ${t.headersWithMismatches} headers); ${t.notCompiled} header x ABI pairs do not compile freestanding and are left out.`,
      ...mismatchLines(results, 30).map((l) => `  ${l}`),
    ];
    return {
      results: [
        { name: VALUES, value: t.values, unit: 'values' },
        { name: MISMATCHES, value: t.mismatches, unit: 'values' },
        { name: HEADERS, value: t.headers, unit: 'headers' },
        { name: NOT_IMPORTED, value: t.headers - t.imported, unit: 'headers' },
        { name: NOT_COMPILED, value: t.notCompiled, unit: 'pairs' },
      ],
      notes,
      missing: [],
      failures: t.mismatches > 0 ? [issue('BENCH_EXACT', 'exact.whole_tree', `${t.mismatches} values differ from clang (see the notes)`)] : [],
    };
  },
};
