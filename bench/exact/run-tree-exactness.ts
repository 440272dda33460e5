import { DEFAULT_ABI_NAMES, findAbi, type Abi } from '../../harness/core/layout/abi';
import { headersUnder } from '../scale/header-trees';
import { mismatchLines, totalsOf, treeExactness } from './tree-exactness';

// `node dist/bench/exact/run-tree-exactness.js TREE [PREFIX...]`: the whole-tree comparison of
// bench/benchmarks/exact-whole-tree.ts on any header tree, or on the headers under some prefixes
// (`linux/fuse.h`, `drm/`), printing every mismatch. For working on the importer; the bench prints the totals.
async function run(argv: readonly string[]): Promise<number> {
  const [tree, ...prefixes] = argv;
  if (tree === undefined) {
    process.stderr.write('usage: node dist/bench/exact/run-tree-exactness.js TREE [PREFIX...]\n');
    return 2;
  }
  const headers = headersUnder(tree).filter((h) => prefixes.length === 0 || prefixes.some((p) => h.startsWith(p)));
  const abis = DEFAULT_ABI_NAMES.map((n) => findAbi(n) as Abi);
  const results = await treeExactness(tree, headers, abis, { chunk: 192, progress: (l) => process.stderr.write(`${l}\n`) });
  for (const r of results) if (r.failed !== undefined) process.stdout.write(`${r.path}: not imported: ${r.failed}\n`);
  for (const r of results) for (const [abi, why] of r.notCompiled) process.stdout.write(`${r.path}: ${abi}: not compiled: ${why}\n`);
  for (const l of mismatchLines(results, 100000)) process.stdout.write(`${l}\n`);
  const t = totalsOf(results);
  process.stdout.write(`${t.headers} headers, ${t.imported} imported; ${t.values} values compared, ${t.mismatches} mismatches (in ${t.headersWithMismatches} headers); ${t.notCompiled} header x ABI pairs do not compile\n`);
  return t.mismatches === 0 ? 0 : 1;
}

if (require.main === module) void run(process.argv.slice(2)).then((code) => { process.exitCode = code; });
