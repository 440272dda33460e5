import test from 'ava';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { importHeader } from '../import';
import { parseAbiList } from '../../core/layout/abi';
import { verifyLayout } from '../oracle/verify-layout';
import { findClang } from './find-clang';

// Compare the two clangs on real work, without the result cache in between.
process.env['UAPI_HARNESS_CACHE'] = 'off';
const HABANALABS_6_1 = '/usr/include/misc/habanalabs.h';

async function withClang<T>(setting: string | undefined, f: () => Promise<T>): Promise<T> {
  const saved = process.env['UAPI_CLANG'];
  if (setting === undefined) delete process.env['UAPI_CLANG'];
  else process.env['UAPI_CLANG'] = setting;
  try {
    return await f();
  } finally {
    if (saved === undefined) delete process.env['UAPI_CLANG'];
    else process.env['UAPI_CLANG'] = saved;
  }
}

test.serial('UAPI_CLANG=wasm runs the WebAssembly clang from @yowasp/clang', async (t) => {
  const found = await findClang({ env: { UAPI_CLANG: 'wasm' } });
  t.is(found.tool?.kind, 'wasm', found.issues.map((i) => i.message).join('\n'));
  t.regex(found.tool?.description ?? '', /WebAssembly/);
});

test.serial('with no native clang the WebAssembly build imports a real header exactly as native clang does', async (t) => {
  const wasm = await withClang('wasm', () => importHeader(HABANALABS_6_1, { includeDirs: [] }));
  const native = await withClang(undefined, () => importHeader(HABANALABS_6_1, { includeDirs: [] }));
  t.truthy(wasm.spec);
  t.deepEqual(wasm, native);
});

test.serial('the WebAssembly build serves as the layout oracle for cross targets too', async (t) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-wasm-')), 'w.h');
  fs.writeFileSync(file, '#include <linux/types.h>\n#include <linux/ioctl.h>\nstruct w { __u8 a; __u64 b; __u16 c : 9; };\n#define W_IOCTL _IOR(\'w\', 3, struct w)\n');
  const r = await withClang('wasm', async () => {
    const imported = await importHeader(file, { includeDirs: [] });
    if (imported.spec === undefined) throw new Error('import failed');
    return verifyLayout(imported.spec, { kind: 'header', file, displayName: file }, { abis: parseAbiList('i386,ppc64le').abis, includeDirs: [] });
  });
  t.deepEqual(r.mismatches, []);
  t.deepEqual(r.issues, []);
  t.regex(r.clang ?? '', /WebAssembly/);
  t.is(r.checked, 2 * 8, "size, align, 2 offsets, 2 field sizes, 1 bit offset, 1 request per ABI");
});
