import * as path from 'node:path';
import test from 'ava';
import { parseAbiList } from '../../core/layout/abi';
import { loadUapi } from '../load/load-uapi';
import { compareGoldens } from './compare';
import { discoverSpecFolders } from './discover';
import { goldenFiles } from './golden-files';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

// The committed goldens are the contract: a layout, request number, enum or constant that differs
// from them fails here until a reviewer accepts it with `npx uapi snapshot --update`.
test('every spec in specs/ matches its committed goldens on all eight ABIs', async (t) => {
  const folders = discoverSpecFolders(repoRoot);
  t.true(folders.includes(path.join('specs', 'habanalabs')));
  for (const f of folders) {
    const { uapi, issues } = await loadUapi(f, { cwd: repoRoot });
    t.deepEqual(issues.filter((i) => i.severity === 'error'), [], f);
    if (uapi === undefined) continue;
    const results = compareGoldens(path.join(repoRoot, 'snapshots'), goldenFiles(uapi.spec, parseAbiList('all').abis));
    t.is(results.length, 16, `${f}: 8 ABIs x (text, json)`);
    for (const r of results) t.is(r.status, 'same', `${r.file.relPath}\n${r.diff ?? ''}`);
  }
});
