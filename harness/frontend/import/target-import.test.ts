import test from 'ava';
import { spawnsOf } from '../../testing/spawns';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { importHeader, importHeaders } from './import-header';
import { specForAbi } from './target-variants';

// The variants of target-dependent headers go through the batched import: their preprocessing probes
// and their imports share clang processes per ABI across headers, so three such headers cost as many
// processes as one, and each result is what importing that header alone gives.

const ORDER = (tag: string): string => `#include <linux/types.h>
#include <asm/byteorder.h>
#define ORDER_${tag}_MAGIC 0x${tag}
struct order_${tag} {
\t__u8 kind;
#if defined(__LITTLE_ENDIAN_BITFIELD)
\t__u8 low:4, high:4;
#elif defined(__BIG_ENDIAN_BITFIELD)
\t__u8 high:4, low:4;
#endif
\t__u16 len;
};
`;

function tempHeaders(tags: readonly string[]): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-target-batch-'));
  return tags.map((tag) => {
    const file = path.join(dir, `order_${tag}.h`);
    fs.writeFileSync(file, ORDER(tag));
    return file;
  });
}

/** How many processes `f` starts. */
async function spawnCount<T>(f: () => Promise<T>): Promise<{ value: T; count: number }> {
  const { value, started } = await spawnsOf(f);
  return { value, count: started.length };
}

test.serial('three target-dependent headers cost as many clang processes as one, with the same variants as alone', async (t) => {
  // A first import learns clang's command lines (cached for the process), so both counts below are of compiles only.
  await importHeaders(tempHeaders(['a0', 'a1']).map((file) => ({ file, options: { includeDirs: [] } })));
  const one = await spawnCount(() => importHeaders(tempHeaders(['b0']).map((file) => ({ file, options: { includeDirs: [] } }))));
  const files = tempHeaders(['c0', 'c1', 'c2']);
  const three = await spawnCount(() => importHeaders(files.map((file) => ({ file, options: { includeDirs: [] } }))));
  t.true(one.count >= 3, `x86_64 import, preprocessing per class, s390x import: ${one.count}`);
  t.is(three.count, one.count);
  for (const [i, r] of three.value.entries()) {
    t.deepEqual(r.variants?.map((v) => v.abis), [['x86_64', 'i386', 'aarch64', 'arm', 'riscv64', 'ppc64le'], ['s390x', 'mips', 'm68k']]);
    // Without the cache, so that the header is compiled again on its own (one-pass x86_64 import).
    const saved = process.env['UAPI_HARNESS_CACHE'];
    process.env['UAPI_HARNESS_CACHE'] = 'off';
    const alone = await importHeader(files[i] as string, { includeDirs: [] }).finally(() => {
      if (saved === undefined) delete process.env['UAPI_HARNESS_CACHE'];
      else process.env['UAPI_HARNESS_CACHE'] = saved;
    });
    t.deepEqual(r, alone, 'the batched import equals the import of the header alone');
    const members = (abi: string): (string | undefined)[] => (r.spec === undefined ? [] : specForAbi(r.spec, r.variants, abi).records[0]?.members.map((m) => m.name) ?? []);
    t.deepEqual(members('mips'), ['kind', 'high', 'low', 'len']);
    t.deepEqual(members('arm'), ['kind', 'low', 'high', 'len']);
  }
});
