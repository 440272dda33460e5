import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { targetIncludeDirs } from '../../harness/frontend/clang/target-includes';
import { ABIS, DEFAULT_ABI_NAMES } from '../../harness/core/layout/abi';
import { fetchedCorpus, OFFLINE_DIR } from './corpus-input';
import { readPairList } from './pairs';

/**
 * The files of `tree` a compile of `header` opens on one ABI, with the tool's search order (`clang -E
 * -H` lists every header opened). Other targets stop at host-only libc headers, as the tool's own
 * import does for them, so errors are not failures; a compile that lists nothing is.
 */
function closureOn(triple: string, dirs: readonly string[], header: string, tree: string): string[] | string {
  const r = spawnSync('clang', [`--target=${triple}`, '-nostdinc', ...dirs.flatMap((d) => ['-I', d]), '-E', '-H', '-o', '/dev/null', '-x', 'c', header], { encoding: 'utf8' });
  const opened = [...(r.stderr ?? '').matchAll(/^\.+ (.+)$/gm)].map((m) => path.resolve(m[1] as string));
  if (opened.length === 0) return `clang -E -H ${header} (${triple}) opened nothing: ${(r.stderr ?? r.error?.message ?? '').split('\n')[0] ?? ''}`;
  return [path.relative(tree, header), ...opened.filter((f) => f.startsWith(`${tree}${path.sep}`)).map((f) => path.relative(tree, f))];
}

// The multiarch folders the tool knows (harness/frontend/clang/target-includes.ts): it calls an asm/ header
// per-target when another of them has a file of that name, so each closure file under one of them
// brings its namesakes under the others.
const MULTIARCH_FOLDERS = ['x86_64-linux-gnu', 'i386-linux-gnu', 'aarch64-linux-gnu', 'arm-linux-gnueabihf', 'riscv64-linux-gnu', 'powerpc64le-linux-gnu', 's390x-linux-gnu', 'mips-linux-gnu', 'm68k-linux-gnu'];
const MULTIARCH_FOLDER = /^([a-z0-9_]+-linux-gnu[a-z0-9_]*)\/(.+)$/;

function withNamesakes(tree: string, files: ReadonlySet<string>): Set<string> {
  const folders = MULTIARCH_FOLDERS.filter((d) => fs.existsSync(path.join(tree, d)));
  const out = new Set(files);
  for (const f of files) {
    const m = MULTIARCH_FOLDER.exec(f);
    if (m === null) continue;
    for (const other of folders) if (fs.existsSync(path.join(tree, other, m[2] as string))) out.add(path.join(other, m[2] as string));
  }
  return out;
}

/**
 * `node dist/bench/real-history/make-offline.js`: copies, for every pair of offline/pairs.json, both
 * header texts and every file of their trees the 8 ABIs' compiles read (each ABI's include order as
 * uapi builds it) into offline/<series>/usr/include, so the offline test sees what the fetched trees
 * would give. Files from the host's /usr/include (libc) are left to the host, as the tool does.
 */
function main(): number {
  const list = readPairList(path.join(OFFLINE_DIR, 'pairs.json'));
  const corpus = fetchedCorpus(undefined, false);
  if (typeof list === 'string' || typeof corpus === 'string') {
    process.stderr.write(`make-offline: ${typeof list === 'string' ? list : String(corpus)}\n`);
    return 2;
  }
  const resource = spawnSync('clang', ['-print-resource-dir'], { encoding: 'utf8' }).stdout.trim();
  const abis = ABIS.filter((a) => DEFAULT_ABI_NAMES.includes(a.name));
  const wanted = new Map<string, Set<string>>();
  for (const p of list.pairs) {
    for (const series of [p.old, p.new]) {
      const tree = corpus.trees[series];
      const files = wanted.get(series) ?? new Set<string>();
      wanted.set(series, files);
      for (const abi of abis) {
        const dirs = [...targetIncludeDirs(abi, [tree]), path.join(resource, 'include')];
        const c = closureOn(abi.triple, dirs, path.join(tree, p.header), tree);
        if (typeof c === 'string') {
          process.stderr.write(`make-offline: ${c}\n`);
          return 2;
        }
        for (const f of c) files.add(f);
      }
    }
  }
  let bytes = 0;
  for (const [series, closure] of wanted) {
    const files = withNamesakes(corpus.trees[series as keyof typeof corpus.trees], closure);
    const into = path.join(OFFLINE_DIR, series, 'usr', 'include');
    fs.rmSync(path.join(OFFLINE_DIR, series), { recursive: true, force: true });
    for (const f of [...files].sort()) {
      fs.mkdirSync(path.dirname(path.join(into, f)), { recursive: true });
      fs.copyFileSync(path.join(corpus.trees[series as keyof typeof corpus.trees], f), path.join(into, f));
      bytes += fs.statSync(path.join(into, f)).size;
    }
    process.stdout.write(`${series}: ${files.size} files\n`);
  }
  process.stdout.write(`offline subset: ${list.pairs.length} pairs, ${Math.round(bytes / 1024)} KB\n`);
  return 0;
}

if (require.main === module) process.exitCode = main();
