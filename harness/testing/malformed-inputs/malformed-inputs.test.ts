import * as fs from 'node:fs';
import * as path from 'node:path';
import test from 'ava';
import { runCliCaptured } from '../run-cli-captured';
import { buildBases, caseProject, corpusCases, treeState, type CorpusCase } from './corpus';

const FILES = ['specs.json', 'headers.json', 'configs.json', 'waivers.json', 'failure-files.json', 'store.json', 'flags.json'];
const LOCATED = /^\S+:\d+:\d+: (error|warning) [A-Z_]+: /;

let bases: Awaited<ReturnType<typeof buildBases>> | undefined;
test.before(async () => { bases = await buildBases(); });
test.after.always(() => {
  for (const b of Object.values(bases ?? {})) fs.rmSync(b, { recursive: true, force: true });
});

test('the corpus covers every kind of input the issue names, each case with what it means', (t) => {
  const all = FILES.flatMap((f) => corpusCases(f).map((c) => ({ f, c })));
  t.true(all.length >= 50, `${all.length} cases`);
  for (const { f, c } of all) {
    t.true(c.about.length > 10 && c.expect.length > 0, `${f}: ${c.name}`);
    if (c.located !== false) t.regex(c.expect[0] ?? '', LOCATED, `${f}: ${c.name}: the first expectation names file, line and column`);
  }
  t.is(new Set(all.map((x) => x.c.name)).size, all.length, 'case names are unique');
});

for (const file of FILES) {
  for (const c of corpusCases(file)) {
    test(`${file.replace('.json', '')}: ${c.name}`, async (t) => {
      const root = caseProject(bases as NonNullable<typeof bases>, c);
      try {
        const before = treeState(root);
        const r = await runCliCaptured(c.run, { cwd: root, env: { ...(c.env ?? {}) } });
        const output = `${r.err}${r.out}`;
        t.is(r.code, c.exit, output);
        t.false(output.includes('internal error'), output);
        for (const e of c.expect) t.true(output.includes(e), `expected:\n  ${e}\nin:\n${output}`);
        if (c.located !== false) {
          const first = c.expect[0] as string;
          t.true(output.split('\n').some((l) => l.includes(first) && LOCATED.test(l.slice(l.indexOf(first)))), 'the message starts with file:line:col');
        }
        // Nothing committed changed: the same files with the same bytes, but for the leftovers cleaned up.
        const after = treeState(root);
        const cleaned = (rel: string): boolean => (c.cleaned ?? []).some((x) => rel === x || rel.startsWith(x + path.sep) || rel === x + path.sep);
        const expected = new Map([...before].filter(([rel]) => !cleaned(rel)));
        assertSameTree(t, expected, after, c);
        for (const x of c.cleaned ?? []) t.false(fs.existsSync(path.join(root, x)), `${x} was cleaned up`);
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    });
  }
}

function assertSameTree(t: { deepEqual: (a: unknown, b: unknown, m?: string) => void }, expected: Map<string, string>, actual: Map<string, string>, c: CorpusCase): void {
  const restoredOrPut = new Set((c.cleaned ?? []).length > 0 ? [...actual.keys()].filter((k) => !expected.has(k)) : []);
  // A clean-up that puts working goldens back creates the folder they came from (goldens-stepped-aside).
  const moved = (c.damage ?? []).flatMap((d) => ('move' in d ? [d.move] : []));
  const back = [...restoredOrPut].filter((k) => moved.some((m) => k === m + path.sep || k.startsWith(m + path.sep)));
  const filtered = new Map([...actual].filter(([k]) => !back.includes(k)));
  t.deepEqual([...filtered.entries()].sort(), [...expected.entries()].sort(), `${c.name}: files changed`);
}
