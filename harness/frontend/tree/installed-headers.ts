import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { multiarchFolderOf } from '../clang/target-includes';
import { ABIS } from '../../core/layout/abi';

/** The kernel's `arch/` folder of each ABI: where a source tree keeps that ABI's asm/ uAPI headers. */
export const KERNEL_ARCH: Readonly<Record<string, string>> = {
  x86_64: 'x86', i386: 'x86', aarch64: 'arm64', arm: 'arm', riscv64: 'riscv', ppc64le: 'powerpc', s390x: 's390', mips: 'mips', m68k: 'm68k',
};

/**
 * A tree's uAPI headers laid out as `make headers_install` installs them: `include/uapi/*` (and an
 * existing `usr/include/*`) at the top, each architecture's `arch/<arch>/include/uapi/asm` under the
 * multiarch folder of each of its ABIs (`x86_64-linux-gnu/asm`, `i386-linux-gnu/asm`), where the
 * per-ABI include search finds it, as in Debian's linux-libc-dev of the `all` architecture.
 */
export interface InstalledHeaders {
  readonly includeDir: string;
  /**
   * Each installed file, relative to `includeDir` → where it came from, relative to the tree's top
   * (for locations in reports).
   */
  readonly sources: ReadonlyMap<string, string>;
}

type Recorder = (dest: string, source: string, bytes: Buffer | string) => void;

function copyTree(from: string, to: string, rel: string, record: Recorder): void {
  const entries = fs.readdirSync(from, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  fs.mkdirSync(to, { recursive: true });
  for (const e of entries) {
    const src = path.join(from, e.name);
    const dest = path.join(to, e.name);
    const r = `${rel}/${e.name}`;
    // A link is taken for what it points to (linux-libc-dev links each multiarch asm/ header into
    // /usr/lib/linux/uapi); a dangling one is left out, as the compiler could not read it either.
    const st = e.isSymbolicLink() ? fs.statSync(src, { throwIfNoEntry: false }) : e;
    if (st === undefined) continue;
    if (st.isDirectory()) {
      copyTree(src, dest, r, record);
    } else if (st.isFile()) {
      const bytes = fs.readFileSync(src);
      fs.writeFileSync(dest, bytes);
      record(dest, r, bytes);
    }
  }
}

/**
 * Installs the uAPI headers of the tree at `top` into `dest` (see {@link InstalledHeaders}) and returns
 * them with a digest of everything written. An asm/ header an architecture takes from asm-generic
 * (Kbuild's `generic-y`, which `make headers_install` turns into a one-line wrapper) is written as that
 * wrapper for every asm-generic header the architecture's folder does not have. Architectures without
 * an `arch/<arch>/include/uapi/asm` folder get none: their ABIs use the generated target shim.
 * Not reproduced: headers Kbuild generates from tables (`asm/unistd_64.h`), and the `__KERNEL__`
 * stripping of headers_install (uAPI headers are imported without `__KERNEL__` defined).
 */
export function installUapiHeaders(top: string, dest: string): InstalledHeaders & { digest: string } {
  const sources = new Map<string, string>();
  const hash = createHash('sha256');
  const record: Recorder = (file, source, bytes) => {
    const rel = path.relative(dest, file);
    sources.set(rel, source);
    hash.update(`${rel}\0${source}\0`).update(bytes);
  };
  fs.mkdirSync(dest, { recursive: true });
  for (const rel of ['usr/include', 'include/uapi']) {
    const from = path.join(top, rel);
    if (fs.existsSync(from)) copyTree(from, dest, rel, record);
  }
  let generic: string[] = [];
  try {
    generic = fs.readdirSync(path.join(dest, 'asm-generic')).filter((n) => n.endsWith('.h')).sort();
  } catch {
    // No asm-generic folder: nothing to wrap.
  }
  for (const abi of ABIS) {
    const arch = KERNEL_ARCH[abi.name];
    const multi = multiarchFolderOf(abi.name);
    if (arch === undefined || multi === undefined) continue;
    const from = path.join(top, 'arch', arch, 'include', 'uapi', 'asm');
    if (!fs.existsSync(from)) continue;
    const asmDir = path.join(dest, multi, 'asm');
    copyTree(from, asmDir, `arch/${arch}/include/uapi/asm`, record);
    for (const g of generic) {
      const file = path.join(asmDir, g);
      if (fs.existsSync(file)) continue;
      const text = `#include <asm-generic/${g}>\n`;
      fs.writeFileSync(file, text);
      record(file, `include/uapi/asm-generic/${g}`, text);
    }
  }
  return { includeDir: dest, sources, digest: hash.digest('hex') };
}
