import test from 'ava';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadSpecModule } from './spec-module';
import { transpiledSource } from './ts-transpile';

// This worker's own cache folder: the test counts and edits the entries it finds there.
const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-ts-cache-'));
process.env['UAPI_HARNESS_CACHE_DIR'] = cacheDir;

function entries(): string[] {
  const root = path.join(cacheDir, 'spec-js');
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root).flatMap((d) => fs.readdirSync(path.join(root, d)).map((f) => path.join(root, d, f)));
}

function specText(version: string): string {
  return `import { defineSpec } from 'uapi-harness';\n\nexport const spec = defineSpec({ name: 'tiny', version: '${version}' });\n`;
}

test.serial('a spec is transpiled once: the next load of the same text takes the cached JavaScript, a changed text is transpiled anew', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-ts-spec-'));
  const file = path.join(dir, 'spec.ts');
  fs.writeFileSync(file, specText('1.0.0'));
  const first = loadSpecModule(file);
  t.deepEqual(first.issues, []);
  t.is(first.spec?.version, '1.0.0');
  const cached = entries();
  t.is(cached.length, 1, 'one cache entry for one source text');

  // Proof that the second load reads the cache: its entry is swapped for a module with another version.
  const other = transpiledSource(specText('9.9.9'), path.join(dir, 'elsewhere.ts'));
  const swapped = entries().find((e) => e !== cached[0]) as string;
  fs.copyFileSync(swapped, cached[0] as string);
  t.is(loadSpecModule(file).spec?.version, '9.9.9');
  t.true(other.includes('9.9.9'));

  fs.writeFileSync(file, specText('1.1.0'));
  t.is(loadSpecModule(file).spec?.version, '1.1.0');
  t.is(entries().length, 3);
});

test.serial('a syntax error is never cached and keeps its line', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-ts-spec-'));
  const file = path.join(dir, 'spec.ts');
  fs.writeFileSync(file, "import { defineSpec } from 'uapi-harness';\n\nexport const spec = defineSpec({\n  name: 'tiny',,\n});\n");
  const before = entries().length;
  const r = loadSpecModule(file);
  t.is(r.spec, undefined);
  t.is(r.issues[0]?.code, 'SPEC_SYNTAX');
  t.is(r.issues[0]?.loc?.line, 4);
  t.is(entries().length, before);
});

test.serial('a throw while the spec loads is located at its .ts line through the source map', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-ts-spec-'));
  const file = path.join(dir, 'spec.ts');
  fs.writeFileSync(file, "import { defineSpec } from 'uapi-harness';\n\ntype T = { a: number };\nconst t: T = { a: 1 };\nif (t.a === 1) throw new Error('no spec today');\nexport const spec = defineSpec({ name: 'tiny', version: '1.0.0' });\n");
  const r = loadSpecModule(file);
  t.is(r.issues[0]?.code, 'SPEC_LOAD');
  t.is(r.issues[0]?.loc?.line, 5);
});
