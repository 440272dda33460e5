import * as fs from 'node:fs';
import { formatIssue } from '../../harness/core/diagnostics/format';
import { corpusTrees } from './corpus-trees';
import { consecutivePairs, PAIRS_FILE, readPairList } from './pairs';

/**
 * `node dist/bench/real-history/make-pairs.js`: rewrites pairs.json's pair list from its groups and
 * the fetched trees (after a header is added to a group). Exit 2 when a tree cannot be had.
 */
function main(): number {
  const list = readPairList();
  if (typeof list === 'string') {
    process.stderr.write(`make-pairs: ${list}\n`);
    return 2;
  }
  const t = corpusTrees();
  if (t.trees === undefined) {
    for (const i of t.issues) process.stderr.write(`${formatIssue(i)}\n`);
    return 2;
  }
  const pairs = consecutivePairs(list.groups, t.trees);
  const lines = pairs.map((p) => `    ${JSON.stringify(p)}`);
  const groups = Object.entries(list.groups).map(([g, hs]) => `    ${JSON.stringify(g)}: ${JSON.stringify(hs)}`);
  fs.writeFileSync(PAIRS_FILE, `{\n  "groups": {\n${groups.join(',\n')}\n  },\n  "pairs": [\n${lines.join(',\n')}\n  ]\n}\n`);
  process.stdout.write(`${PAIRS_FILE}: ${pairs.length} pairs (${pairs.filter((p) => p.identicalText).length} with identical texts)\n`);
  return 0;
}

if (require.main === module) process.exitCode = main();
