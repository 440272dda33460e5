import test from 'ava';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FileMemo } from '../clang/file-memo';
import { findClang } from '../clang/find-clang';
import { runPendingImports } from './import-batch';
import { importAlone } from './import-chunks';
import { importHeader, importHeaders, type HeaderImport } from './import-header';
import { passOneValues } from './import-passes';
import { macroCandidates } from './macro-candidates';
import { prepareImport } from './prepared-import';

// Compare the batched, two-pass import with the one-pass import on real work, no cache in between.
process.env['UAPI_HARNESS_CACHE'] = 'off';

/** A header with what the two passes must put back together: every kind of candidate macro. */
const TRICKY = `#ifndef TRICKY_H
#define TRICKY_H
#include <linux/types.h>
#include <linux/ioctl.h>
struct tricky_args { __u32 op; __u32 pad; __aligned_u64 ptr; };
enum tricky_kind { TRICKY_A, TRICKY_B = 5 };
#define TRICKY_MAGIC 'T'
#define TRICKY_IOCTL _IOWR(TRICKY_MAGIC, 1, struct tricky_args)
#define TRICKY_IOCTL_ALIAS TRICKY_IOCTL
#define TRICKY_NR _IOC_NR(TRICKY_IOCTL)
#define TRICKY_SIZE _IOC_SIZE(TRICKY_IOCTL)
#define TRICKY_BIG (SZ_1M + 1)
#define TRICKY_IO_KERNEL_ONLY _IOW('T', BIT(3), __u32)
#define TRICKY_NAME "tricky"
#define TRICKY_TYPE struct tricky_args
#define TRICKY_B TRICKY_B
#define TRICKY_NEG (-(1 << 3))
#define TRICKY_U64 (~0ULL)
#endif
`;

function tempHeader(text: string, name: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-import-many-')), name);
  fs.writeFileSync(file, text);
  return file;
}

test('pass 1 asks for the values of candidates that do not call an IO macro', (t) => {
  const cands = macroCandidates(TRICKY, 'tricky.h');
  const names = passOneValues(TRICKY, cands).map((i) => cands[i]?.name);
  t.deepEqual(names, ['TRICKY_MAGIC', 'TRICKY_IOCTL_ALIAS', 'TRICKY_BIG', 'TRICKY_NAME', 'TRICKY_TYPE', 'TRICKY_B', 'TRICKY_NEG', 'TRICKY_U64']);
});

test('importHeaders gives, header by header, exactly what importHeader gives', async (t) => {
  const installed = ['misc/habanalabs.h', 'linux/kvm.h', 'linux/if_alg.h', 'linux/input.h', 'linux/ethtool.h', 'linux/keyboard.h']
    .map((h) => path.join('/usr/include', h))
    .filter((f) => fs.existsSync(f));
  t.true(installed.length >= 4, 'linux-libc-dev is installed (/usr/include/linux)');
  const broken = tempHeader('struct broken { undefined_t x; };\n#define BROKEN 1\n', 'broken.h');
  const files = [tempHeader(TRICKY, 'tricky.h'), ...installed, broken, path.join(os.tmpdir(), 'uapi-no-such-header.h')];
  const requests: HeaderImport[] = files.map((file) => ({ file, options: { includeDirs: [], displayName: path.basename(file) } }));
  const many = await importHeaders(requests);
  t.is(many.length, requests.length);
  for (const [i, r] of requests.entries()) t.deepEqual(many[i], await importHeader(r.file, r.options), r.file);
  const tricky = many[0]?.spec;
  t.deepEqual(tricky?.ioctls.map((x) => x.name), ['TRICKY_IOCTL', 'TRICKY_IOCTL_ALIAS', 'TRICKY_IO_KERNEL_ONLY']);
  t.deepEqual(tricky?.constants.map((c) => [c.name, c.value]), [
    ['TRICKY_MAGIC', 84n], ['TRICKY_NR', 1n], ['TRICKY_SIZE', 16n], ['TRICKY_BIG', 1048577n], ['TRICKY_NEG', -8n], ['TRICKY_U64', 18446744073709551615n],
  ]);
  t.true(many[0]?.issues.some((i) => i.code === 'IMPORT_KERNEL_ONLY_MACRO' && i.path === 'constant TRICKY_BIG'));
  t.is(many.at(-2)?.spec, undefined, 'a header that does not compile');
  t.is(many.at(-1)?.issues[0]?.code, 'INPUT_UNREADABLE');
});

/** A constant made from an ioctl by a header that includes no <linux/ioctl.h> (linux/hidraw.h's `HIDIOCTL_LAST`). */
const NO_IOC = `#include <linux/types.h>
#define NOIOC_REVOKE _IOW('H', 0x0D, int)
#define NOIOC_LAST _IOC_NR(NOIOC_REVOKE)
#define NOIOC_PLAIN 3
`;

test('the two-pass import gives exactly what the one-pass probe gives, also where the header defines no _IOC', async (t) => {
  const found = await findClang();
  if (found.tool === undefined) return t.fail('no clang');
  for (const [text, name] of [[TRICKY, 'tricky.h'], [NO_IOC, 'noioc.h']] as const) {
    const file = tempHeader(text, name);
    const memo = new FileMemo();
    const p = prepareImport(file, { includeDirs: [] }, found.tool, memo);
    if (p.done !== undefined) return t.fail(`${name}: prepared import already done`);
    const twoPass = (await runPendingImports(found.tool, [p], memo)).get(p);
    t.deepEqual(twoPass, await importAlone(found.tool, p, memo), name);
  }
  // The fallback definitions include <linux/ioctl.h> when the header defines no _IOC: the constant gets
  // its value there, as a warning, on every ABI alike (no target-dependent variants).
  const r = await importHeader(tempHeader(NO_IOC, 'noioc.h'), { includeDirs: [] });
  t.deepEqual(r.spec?.constants.map((c) => [c.name, c.value]), [['NOIOC_LAST', 13n], ['NOIOC_PLAIN', 3n]]);
  t.true(r.issues.some((i) => i.code === 'IMPORT_KERNEL_ONLY_MACRO' && i.path === 'constant NOIOC_LAST'));
  t.false(r.issues.some((i) => i.code === 'IMPORT_TARGET_DEPENDENT'));
});
