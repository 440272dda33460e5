import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'ava';
import { runCliCaptured } from '../../testing/run-cli-captured';
import { headerIncludeDirs, includeRootOf } from './include-root';

// Two installed uAPI trees shaped like linux-libc-dev's (usr/include with per-target asm/ under
// multiarch folders) in which a struct moved from linux/demo.h into asm/demo.h, as kvm_x86_mce did
// between 6.1 and 6.12: the old header compiled against the new tree redefines it.

const TYPES = '#ifndef _LINUX_TYPES_H\n#define _LINUX_TYPES_H\ntypedef unsigned int __u32;\ntypedef unsigned long long __u64;\n#endif\n';

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

function tree(version: 'old' | 'new'): string {
  const inc = path.join(fs.mkdtempSync(path.join(os.tmpdir(), `uapi-root-${version}-`)), 'usr', 'include');
  write(path.join(inc, 'linux', 'types.h'), TYPES);
  const mce = 'struct demo_mce { __u64 status; __u32 bank; __u32 pad; };\n';
  const arch = (word: string): string => `#ifndef _ASM_DEMO_H\n#define _ASM_DEMO_H\n#include <linux/types.h>\nstruct demo_arch { ${word} v; };\n${version === 'new' ? mce : ''}#endif\n`;
  write(path.join(inc, 'x86_64-linux-gnu', 'asm', 'demo.h'), arch('__u64'));
  // Only the new tree has a second architecture (as Debian's 6.12 `all` package does, and 6.1's amd64 one does not).
  if (version === 'new') write(path.join(inc, 'i386-linux-gnu', 'asm', 'demo.h'), arch('__u32'));
  write(path.join(inc, 'linux', 'demo.h'), [
    '#ifndef _LINUX_DEMO_H', '#define _LINUX_DEMO_H', '#include <linux/types.h>', '#include <asm/demo.h>',
    version === 'old' ? mce.trimEnd() : '', 'struct demo_args { struct demo_arch a; __u32 flags; };', '#endif', '',
  ].join('\n'));
  return inc;
}

const run = (argv: string[]) => runCliCaptured(argv, { cwd: process.cwd() });

test('the include root of a header is the first folder above it that holds linux/types.h', (t) => {
  const inc = tree('old');
  t.is(includeRootOf(path.join(inc, 'linux', 'demo.h')), inc);
  t.is(includeRootOf(path.join(inc, 'x86_64-linux-gnu', 'asm', 'demo.h')), inc);
  t.is(includeRootOf(path.join(os.tmpdir(), 'nowhere', 'x.h'), () => false), undefined);
  // The system folder is searched anyway: it is not added a second time.
  t.is(includeRootOf('/usr/include/linux/kvm.h', (p) => p === '/usr/include/linux/types.h'), undefined);
});

test('given folders come before the header\'s own tree, which is said in a note', (t) => {
  const inc = tree('old');
  const header = path.join(inc, 'linux', 'demo.h');
  const own = headerIncludeDirs(header, [], 'demo.h');
  t.deepEqual(own.includeDirs, [inc]);
  t.is(own.note?.code, 'INCLUDE_OWN_TREE');
  t.is(own.note?.severity, 'info');
  const given = headerIncludeDirs(header, ['/elsewhere'], 'demo.h');
  t.deepEqual(given.includeDirs, ['/elsewhere', inc]);
  t.regex(given.note?.message ?? '', /after the folders given/);
  t.deepEqual(headerIncludeDirs(header, [inc], 'demo.h'), { includeDirs: [inc] });
});

test('diff: each header is compiled against its own tree; one -I for both sides redefines the moved struct', async (t) => {
  const oldInc = tree('old');
  const newInc = tree('new');
  const oldH = path.join(oldInc, 'linux', 'demo.h');
  const newH = path.join(newInc, 'linux', 'demo.h');
  const own = await run(['diff', oldH, newH, '--abi', 'x86_64', '--format', 'json']);
  t.not(own.code, 2, own.err);
  t.regex(own.err, new RegExp(`info INCLUDE_OWN_TREE: ${oldH}: includes are read from the header's own tree ${oldInc}`));
  t.regex(own.err, new RegExp(`info INCLUDE_OWN_TREE: ${newH}: includes are read from the header's own tree ${newInc}`));
  const shared = await run(['diff', oldH, newH, '--abi', 'x86_64', '-I', newInc]);
  t.is(shared.code, 2);
  t.regex(shared.err, /redefinition of 'demo_mce'/);
});

test('diff: --old-include and --new-include give each side its tree, and win over the header\'s own', async (t) => {
  const oldInc = tree('old');
  const newInc = tree('new');
  // Copies outside any tree: only the flags say where their includes are.
  const loose = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-loose-'));
  fs.mkdirSync(path.join(loose, 'a'));
  fs.mkdirSync(path.join(loose, 'b'));
  fs.copyFileSync(path.join(oldInc, 'linux', 'demo.h'), path.join(loose, 'a', 'demo.h'));
  fs.copyFileSync(path.join(newInc, 'linux', 'demo.h'), path.join(loose, 'b', 'demo.h'));
  const sides = await run(['diff', path.join(loose, 'a', 'demo.h'), path.join(loose, 'b', 'demo.h'), '--abi', 'x86_64,i386', '--format', 'json', '--old-include', oldInc, '--new-include', newInc]);
  t.not(sides.code, 2, sides.err);
  t.notRegex(sides.err, /INCLUDE_OWN_TREE/);
  const swapped = await run(['diff', path.join(oldInc, 'linux', 'demo.h'), path.join(newInc, 'linux', 'demo.h'), '--abi', 'x86_64', '--old-include', newInc]);
  t.is(swapped.code, 2);
  t.regex(swapped.err, /redefinition of 'demo_mce'/);
});

test('layout: a header in a tree with per-target asm/ folders is laid out from each ABI\'s own asm/', async (t) => {
  const inc = tree('new');
  const r = await run(['layout', path.join(inc, 'linux', 'demo.h'), '--abi', 'x86_64,i386', '--format', 'json']);
  t.is(r.code, 0, r.err);
  const json = JSON.parse(r.out) as { layouts: { abi: string; types: { name: string; size: number }[] }[] };
  const size = (abi: string): number | undefined => json.layouts.find((l) => l.abi === abi)?.types.find((x) => x.name === 'demo_args')?.size;
  t.is(size('x86_64'), 16);
  t.is(size('i386'), 8);
});
