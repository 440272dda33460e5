import test from 'ava';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findClang } from '../clang/find-clang';
import { formatIssue } from '../../core/diagnostics/format';
import { importHeader, importHeaders } from '../import';
import { parseAbiList, type Abi } from '../../core/layout/abi';
import { validateSpec } from '../../core/model/validate';
import { specForAbi } from '../import/target-variants';
import { renderHeader, typeCount, uapiHeaderArb, type UapiHeaderGen } from './random-uapi-header';
import { verifyLayout, verifyLayouts } from './verify-layout';

// Random headers are thrown away: keep them out of the result cache.
process.env['UAPI_HARNESS_CACHE'] = 'off';

const ABIS = parseAbiList('all').abis;
const SEED = process.env['UAPI_ORACLE_SEED'] !== undefined ? Number(process.env['UAPI_ORACLE_SEED']) : 0x0c1a;

/**
 * Property: for every generated uAPI-style header (nested and anonymous structs and unions,
 * arrays, every kernel scalar and the C ones, pointers, enum members, packed/aligned, bit-fields,
 * flexible arrays, enums, constants, ioctls via _IO* and a DRM-style wrapper), the spec imported
 * from it, laid out by our engine, agrees with clang on every size, alignment, field offset,
 * bit offset, field size, enum size and value, constant and ioctl request number, on all 8 ABIs.
 * Each header has 30-60 structs/unions plus enums. The headers are drawn up front from the seed and
 * checked as one batch (importHeaders, then verifyLayouts: one clang run per ABI for all of them, not
 * one per header and ABI); the first header that fails is reported with its number and its text.
 */
test('property: random uAPI headers — engine and clang agree on all 8 ABIs', async (t) => {
  const clang = await findClang();
  if (clang.tool === undefined) return t.fail(clang.issues.map(formatIssue).join('\n'));
  // With only the WebAssembly clang (about a second per compile) a shorter run still checks the property.
  const numRuns = clang.tool.kind === 'native' ? 24 : 2;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-oracle-'));
  const headers = fc.sample(uapiHeaderArb(), { seed: SEED, numRuns });
  let types = 0;
  let values = 0;
  try {
    const files = headers.map((h, i) => {
      const file = path.join(dir, `random-${i}.h`);
      fs.writeFileSync(file, renderHeader(h));
      return file;
    });
    const fail = (i: number, what: string): never => {
      t.log(`seed ${SEED} (set UAPI_ORACLE_SEED to replay), header ${i + 1} of ${numRuns}`);
      throw new Error(`${what}\n--- header ${i + 1} ---\n${renderHeader(headers[i] as UapiHeaderGen)}`);
    };
    const imported = await importHeaders(files.map((file) => ({ file, options: { includeDirs: [] } })));
    const items = imported.map((r, i) => {
      const spec = r.spec;
      if (spec === undefined) return fail(i, `import failed:\n${r.issues.map(formatIssue).join('\n')}`);
      const invalid = validateSpec(spec);
      if (invalid.length > 0) return fail(i, `imported spec invalid:\n${invalid.map(formatIssue).join('\n')}`);
      // Values that depend on the target (sizeof(long), stdint, enumerator ioctls) come per ABI in variants.
      return { spec, source: { kind: 'header' as const, file: files[i] as string, displayName: files[i] as string }, specFor: (a: Abi) => specForAbi(spec, r.variants, a.name) };
    });
    const results = await verifyLayouts(items, { abis: ABIS, includeDirs: [] });
    results.forEach((r, i) => {
      if (r.issues.length > 0) fail(i, r.issues.map(formatIssue).join('\n'));
      if (r.mismatches.length > 0) {
        const list = r.mismatches.slice(0, 20).map((m) => `${m.abi}: ${m.path}: ${m.kind}: engine ${m.engine}, clang ${String(m.clang)}`);
        fail(i, `${r.mismatches.length} mismatches:\n${list.join('\n')}`);
      }
      types += typeCount(headers[i] as UapiHeaderGen);
      values += r.checked;
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  t.log(`${numRuns} headers, ${types} types, ${values} values compared with ${clang.tool.description} (seed ${SEED})`);
  if (clang.tool.kind === 'native') t.true(types >= 1000, `only ${types} types generated`);
  t.true(values > types * 8);
  return undefined;
});

test('the generator writes headers clang compiles and the importer reads in full', async (t) => {
  const [h] = fc.sample(uapiHeaderArb({ minRecords: 8, maxRecords: 8 }), { seed: SEED, numRuns: 1 });
  if (h === undefined) return t.fail('no sample');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-oracle-')), 'one.h');
  fs.writeFileSync(file, renderHeader(h));
  const imported = await importHeader(file, { includeDirs: [] });
  t.deepEqual(imported.issues.filter((i) => i.severity === 'error'), []);
  t.is(imported.spec?.records.filter((r) => r.name?.startsWith('rt') === true).length, 8);
  t.is(imported.spec?.enums.length, h.enums.length + (h.targetValues && h.enumIoctls.length > 0 ? 1 : 0));
  t.is(imported.spec?.ioctls.length, h.ioctls.length);
  return undefined;
});

/**
 * Property: writing an imported spec back out as C (the spec → C header emitter) loses nothing
 * layout-relevant: clang's layout of the emitted header agrees with the engine's on all 8 ABIs.
 */
test('property: the C header written from an imported random spec lays out as the engine says', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-emit-'));
  let runNo = 0;
  await fc.assert(fc.asyncProperty(uapiHeaderArb({ minRecords: 20, maxRecords: 30 }), async (h) => {
    const file = path.join(dir, `emit-${runNo++}.h`);
    fs.writeFileSync(file, renderHeader(h));
    const imported = await importHeader(file, { includeDirs: [] });
    if (imported.spec === undefined) throw new Error(imported.issues.map(formatIssue).join('\n'));
    // Each variant is written out and checked on its own ABIs (one C header cannot hold them all).
    const variants = imported.variants ?? [{ abis: ABIS.map((a) => a.name), spec: imported.spec }];
    const checks = await Promise.all(variants.map((v) => verifyLayout(v.spec, { kind: 'spec' }, { abis: ABIS.filter((a) => v.abis.includes(a.name)), includeDirs: [] })));
    const r = { issues: checks.flatMap((c) => c.issues), mismatches: checks.flatMap((c) => c.mismatches) };
    if (r.issues.length > 0 || r.mismatches.length > 0) {
      throw new Error([...r.issues.map(formatIssue), ...r.mismatches.slice(0, 20).map((m) => `${m.abi}: ${m.path}: ${m.kind}: engine ${m.engine}, clang ${String(m.clang)}`)].join('\n'));
    }
  }), { seed: SEED + 1, numRuns: 3, endOnFailure: true });
  fs.rmSync(dir, { recursive: true, force: true });
  t.pass();
});
