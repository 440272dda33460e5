import test from 'ava';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkLayers, type SourceSet } from './check-layers';
import { layerTableMarkdown } from './layer-table';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

function tsFiles(dir: string): string[] {
  if (!fs.existsSync(path.join(repoRoot, dir))) return [];
  return fs.readdirSync(path.join(repoRoot, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : tsFiles(rel);
    return e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [rel] : [];
  });
}

const inMemory = (files: Readonly<Record<string, string>>): SourceSet => ({
  files: Object.keys(files),
  read: (f) => files[f] ?? '',
});

test("the repository's imports follow the layer table, with no cycle beyond type-only ones inside one folder", (t) => {
  const files = ['harness', 'emulator', 'bench', 'specs', 'examples'].flatMap(tsFiles);
  t.true(files.length > 500, `found ${files.length} source files under ${repoRoot}`);
  t.deepEqual(checkLayers({ files, read: (f) => fs.readFileSync(path.join(repoRoot, f), 'utf8') }), []);
});

test('an import that climbs a layer fails, naming the file, the position and both layers', (t) => {
  const set = inMemory({
    'harness/core/layout/a.ts': "import { b } from '../../gate/b';\nexport const a = b;\n",
    'harness/gate/b.ts': 'export const b = 1;\n',
  });
  t.deepEqual(checkLayers(set), ['harness/core/layout/a.ts:1:19: error LAYER_IMPORT: core may not import gate: harness/gate/b.ts']);
});

test('the same import is fine downward, and from a test file', (t) => {
  t.deepEqual(checkLayers(inMemory({
    'harness/gate/b.ts': "import { a } from '../core/layout/a';\nexport const b = a;\n",
    'harness/core/layout/a.ts': 'export const a = 1;\n',
    'harness/core/layout/a.test.ts': "import { b } from '../../gate/b';\nvoid b;\n",
  })), []);
});

test('the emulator may read a spec for types only, and a spec may import the DSL entry only', (t) => {
  const problems = checkLayers(inMemory({
    'emulator/kernel/k.ts': "import type * as cb from '../../specs/x/cb';\nimport { cbArgs } from '../../specs/x/cb';\nexport type K = typeof cb | typeof cbArgs;\n",
    'specs/x/cb.ts': "import { struct } from 'uapi-harness/dsl';\nimport { emitCHeader } from 'uapi-harness';\nexport const cbArgs = struct('a', {});\nvoid emitCHeader;\n",
    'harness/core/model/dsl/index.ts': 'export const struct = 1;\n',
    'harness/index.ts': 'export const emitCHeader = 1;\n',
  }));
  t.deepEqual(problems, [
    "emulator/kernel/k.ts:2:24: error LAYER_IMPORT: emulator may not import specs: specs/x/cb.ts",
    "specs/x/cb.ts:2:29: error LAYER_IMPORT: specs may not import api: harness/index.ts",
  ]);
});

test('the userspace caller speaks the Process boundary of core: importing the emulator fails', (t) => {
  t.deepEqual(checkLayers(inMemory({
    'harness/userspace/caller.ts': "import type { Process } from '../core/boundary/process';\nimport { E } from '../../emulator/errno';\nexport type P = Process;\nexport const e = E;\n",
    'harness/core/boundary/process.ts': 'export interface Process { readonly abi: number }\n',
    'emulator/errno.ts': 'export const E = {};\n',
  })), ['harness/userspace/caller.ts:2:19: error LAYER_IMPORT: userspace may not import emulator: emulator/errno.ts']);
});

test('a run-time cycle fails even inside one folder; a type-only one only across layers', (t) => {
  t.deepEqual(checkLayers(inMemory({
    'harness/core/model/a.ts': "import { b } from './b';\nexport const a = b;\n",
    'harness/core/model/b.ts': "import { a } from './a';\nexport const b = a;\n",
    'harness/core/model/c.ts': "import type { D } from './d';\nexport type C = D;\n",
    'harness/core/model/d.ts': "import type { C } from './c';\nexport type D = C | 1;\n",
    'harness/core/layout/e.ts': "import type { F } from '../../gate/f';\nexport type E = 1;\n",
    'harness/gate/f.ts': "import { type E } from '../core/layout/e';\nexport type F = E | 1;\n",
  })), [
    'harness/core/layout/e.ts:1:24: error LAYER_IMPORT: core may not import gate (even for types): harness/gate/f.ts',
    'harness/core/model/a.ts:1:1: error LAYER_CYCLE: run-time import cycle: harness/core/model/a.ts ↔ harness/core/model/b.ts',
    'harness/core/layout/e.ts:1:1: error LAYER_CYCLE: type-only import cycle across layers: harness/core/layout/e.ts ↔ harness/gate/f.ts',
  ]);
});

test('a file outside every layer and production code importing a test helper are named', (t) => {
  t.deepEqual(checkLayers(inMemory({
    'harness/newfolder/x.ts': 'export const x = 1;\n',
    'harness/gate/y.ts': "import { h } from '../testing/h';\nexport const y = h;\n",
    'harness/testing/h.ts': 'export const h = 1;\n',
  })), [
    'harness/gate/y.ts:1:19: error LAYER_IMPORT: gate may not import testing: harness/testing/h.ts',
    'harness/newfolder/x.ts:1:1: error LAYER_UNKNOWN: the file is in no layer of harness/testing/layers/layer-table.ts',
  ]);
});

test("the README's Repository layout shows the table this test enforces", (t) => {
  const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  t.true(readme.includes(`${layerTableMarkdown()}\n`), 'README.md: paste layerTableMarkdown() (harness/testing/layers/layer-table.ts) into "Repository layout"');
});
