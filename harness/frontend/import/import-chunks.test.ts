import test from 'ava';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FileMemo } from '../clang/file-memo';
import { findClang } from '../clang/find-clang';
import { importHeader, importHeaders, type ImportOptions } from './import-header';
import { prepareImport } from './prepared-import';

// A header with more candidate macros than one probe takes is imported in chunks (import-chunks.ts).
// Real headers never have that many, so a tiny chunk size forces many chunks on small headers, and
// the result must be exactly the one-probe import's. No cache in between: both really run clang.
process.env['UAPI_HARNESS_CACHE'] = 'off';

/** Every kind of candidate the passes tell apart, spread over several chunks of 3. */
const MIXED = `#ifndef MIXED_H
#define MIXED_H
#include <linux/types.h>
#include <linux/ioctl.h>
struct mixed_args { __u32 op; __u32 pad; __aligned_u64 ptr; };
enum mixed_kind { MIXED_A, MIXED_B = 5 };
#define MIXED_MAGIC 'M'
#define MIXED_IOCTL _IOWR(MIXED_MAGIC, 1, struct mixed_args)
#define MIXED_IOCTL_ALIAS MIXED_IOCTL
#define MIXED_NR _IOC_NR(MIXED_IOCTL)
#define MIXED_SIZE _IOC_SIZE(MIXED_IOCTL)
#define MIXED_BIG (SZ_1M + 1)
#define MIXED_IO_KERNEL_ONLY _IOW('M', BIT(3), __u32)
#define MIXED_NAME "mixed"
#define MIXED_TYPE struct mixed_args
#define MIXED_B MIXED_B
#define MIXED_NEG (-(1 << 3))
#define MIXED_U64 (~0ULL)
#define MIXED_SIZED _IOC(_IOC_READ, 'M', 2, 24)
#define MIXED_UNDECLARED _IOR('M', 3, size_t)
#define MIXED_INCOMPLETE _IOW('M', 4, struct mixed_nowhere)
#define MIXED_NOT_CONSTANT (1 +)
#endif
`;

function tempHeader(text: string, name: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-import-chunks-')), name);
  fs.writeFileSync(file, text);
  return file;
}

const CHUNKED: Partial<ImportOptions> = { macrosPerProbe: 3 };

test('a header with more candidates than a probe takes is prepared in chunks', async (t) => {
  const tool = (await findClang()).tool;
  if (tool === undefined) return t.fail('no clang');
  const file = tempHeader(MIXED, 'mixed.h');
  const chunked = prepareImport(file, { includeDirs: [], ...CHUNKED }, tool, new FileMemo());
  const whole = prepareImport(file, { includeDirs: [] }, tool, new FileMemo());
  t.is(chunked.done === undefined ? chunked.chunk : 'done', 3);
  t.is(whole.done === undefined ? whole.chunk : 'done', undefined);
  // The chunked import's own probe declares no candidate: its output does not grow with the header.
  t.false(chunked.done === undefined && chunked.prepared.source.includes('__uapi_v0'));
  t.true(whole.done === undefined && whole.prepared.source.includes('__uapi_v0'));
});

test('an import in chunks gives exactly what the one-probe import gives', async (t) => {
  // Chunks small enough that each header is cut into several (few enough to keep the test short).
  const installed = ([['misc/habanalabs.h', 40], ['linux/input-event-codes.h', 160]] as const)
    .map(([h, chunk]) => ({ file: path.join('/usr/include', h), chunk }))
    .filter((h) => fs.existsSync(h.file));
  t.is(installed.length, 2, 'linux-libc-dev is installed (/usr/include/linux)');
  const broken = tempHeader('struct broken { undefined_t x; };\n#define BROKEN_A 1\n#define BROKEN_B 2\n#define BROKEN_C 3\n#define BROKEN_D 4\n', 'broken.h');
  for (const { file, chunk } of [{ file: tempHeader(MIXED, 'mixed.h'), chunk: 3 }, ...installed, { file: broken, chunk: 3 }]) {
    const options: ImportOptions = { includeDirs: [], displayName: path.basename(file) };
    const whole = await importHeader(file, options);
    t.deepEqual(await importHeader(file, { ...options, macrosPerProbe: chunk }), whole, file);
    // The batched import (which shares clang processes) takes a chunked header apart from the others.
    const [batched] = await importHeaders([{ file, options: { ...options, macrosPerProbe: chunk } }]);
    t.deepEqual(batched, whole, `${file} (batched)`);
  }
});

test('the chunked import reads values, fallback values, ioctls and skipped macros of every chunk', async (t) => {
  const r = await importHeader(tempHeader(MIXED, 'mixed.h'), { includeDirs: [], displayName: 'mixed.h', ...CHUNKED });
  t.deepEqual(r.spec?.ioctls.map((x) => [x.name, x.nr]), [['MIXED_IOCTL', 1], ['MIXED_IOCTL_ALIAS', 1], ['MIXED_IO_KERNEL_ONLY', 8], ['MIXED_SIZED', 2]]);
  t.deepEqual(r.spec?.constants.map((c) => [c.name, c.value]), [
    ['MIXED_MAGIC', 77n], ['MIXED_NR', 1n], ['MIXED_SIZE', 16n], ['MIXED_BIG', 1048577n], ['MIXED_NEG', -8n], ['MIXED_U64', 18446744073709551615n],
  ]);
  const codes = (name: string): string[] => r.issues.filter((i) => i.path.endsWith(` ${name}`)).map((i) => i.code);
  t.deepEqual(codes('MIXED_BIG'), ['IMPORT_KERNEL_ONLY_MACRO']);
  t.deepEqual(codes('MIXED_UNDECLARED'), ['IMPORT_IOCTL_UNDECLARED_TYPE']);
  t.deepEqual(codes('MIXED_INCOMPLETE'), ['IMPORT_IOCTL_INCOMPLETE']);
  t.deepEqual(codes('MIXED_NOT_CONSTANT'), ['IMPORT_MACRO_SKIPPED']);
});
