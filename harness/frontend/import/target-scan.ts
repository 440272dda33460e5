import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileMemo } from '../clang/file-memo';
import { isFile } from '../clang/include-closure';
import { targetDependenceOf } from '../clang/target-includes';
import { isTargetMacro } from '../clang/target-macros';
import type { SourceLoc } from '../../core/model/model';

/**
 * The headers every uAPI header reaches for its types and ioctl macros (by their name under an
 * include folder). They differ per target, but only in what the model already has per ABI: the
 * fixed-width types and C scalars of linux/types.h, `__BITS_PER_LONG`, the byte-order macros and
 * the `_IOC` field widths. Their own conditionals do not make a header target-dependent; a header
 * that tests what they define (`#ifdef __BIG_ENDIAN_BITFIELD`) is, by its own conditional.
 */
const FOUNDATION = new Set([
  'linux/types.h', 'linux/posix_types.h', 'linux/stddef.h', 'linux/ioctl.h', 'linux/swab.h',
  'linux/byteorder/little_endian.h', 'linux/byteorder/big_endian.h',
  'asm/types.h', 'asm/bitsperlong.h', 'asm/posix_types.h', 'asm/posix_types_32.h', 'asm/posix_types_64.h',
  'asm/posix_types_x32.h', 'asm/byteorder.h', 'asm/ioctl.h', 'asm/swab.h',
  'asm-generic/types.h', 'asm-generic/int-ll64.h', 'asm-generic/int-l64.h', 'asm-generic/bitsperlong.h',
  'asm-generic/posix_types.h', 'asm-generic/ioctl.h', 'asm-generic/swab.h',
]);

/** Where a header first shows that its content may depend on the target, and why. */
export interface TargetHint {
  readonly loc: SourceLoc;
  /** The target macro a conditional names, or the per-target header an `#include` reaches. */
  readonly what: string;
  /** Every target macro the scanned files' conditionals name. */
  readonly macros: ReadonlySet<string>;
  /** Whether an `#include` reaches a per-target header. */
  readonly perTargetInclude: boolean;
  /**
   * An asm/ header only the host's multiarch folder has (a plain Debian install: `asm/fcntl.h` under
   * x86_64-linux-gnu/ alone), as found: the other ABIs read asm-generic's through the target shim,
   * which need not be what their architecture defines (mips' `O_NONBLOCK`).
   */
  readonly hostOnlyAsm?: { readonly name: string; readonly file: string };
}

/** A compile's include folders, as the scan and the per-target comparison need them. */
export interface SearchSetup {
  /** Include folders in search order (a probe's `searchDirs`). */
  readonly searchDirs: readonly string[];
  /** clang's own header folder, whose files are all foundation (freestanding stddef.h, stdint.h...). */
  readonly resourceIncludeDir?: string | undefined;
}

/**
 * The C library's and the compiler's headers: a name without a folder (`stdint.h`, `limits.h`) or
 * under sys/, bits/, gnu/. The kernel installs its uAPI headers in folders (linux/, asm/, drm/...);
 * what a uAPI header takes from libc (a dead `#else` branch of drm.h includes stdint.h) has C types
 * the model lays out per ABI, or does not compile for other targets without their libc at all.
 */
const LIBC_NAME = /^(?:[^/]+|(?:sys|bits|gnu)\/.*)$/;

/** Whether a file (absolute) is one of the {@link FOUNDATION} headers, a libc header or clang's own. */
export function isFoundationFile(file: string, setup: SearchSetup): boolean {
  const r = setup.resourceIncludeDir;
  if (r !== undefined && file.startsWith(r + path.sep)) return true;
  for (const d of setup.searchDirs) {
    if (!file.startsWith(d + path.sep)) continue;
    const name = path.relative(d, file).split(path.sep).join('/');
    if (FOUNDATION.has(name) || LIBC_NAME.test(name)) return true;
  }
  return false;
}

const DIRECTIVE = /^[ \t]*#[ \t]*(if|ifdef|ifndef|elif|include|include_next)\b(.*(?:\\\r?\n.*)*)$/gm;
const INCLUDE_NAME = /^[ \t]*([<"])([^>"\n]+)[>"]/;
const IDENT = /[A-Za-z_]\w*/g;

export interface Directive {
  readonly line: number;
  readonly col: number;
  readonly kind: 'cond' | 'include';
  /** The macro (cond) or the include name and whether it was quoted / `#include_next`. */
  readonly name: string;
  readonly quoted?: boolean;
  readonly next?: boolean;
}

/** The conditionals naming a target macro and the includes of one file, in order. */
function directivesOf(text: string): Directive[] {
  const out: Directive[] = [];
  let line = 1;
  let counted = 0;
  for (const m of text.matchAll(DIRECTIVE)) {
    const at = m.index;
    for (let i = text.indexOf('\n', counted); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
    counted = at;
    const kind = m[1] as string;
    const rest = m[2] as string;
    const restStart = at + m[0].length - rest.length;
    const colOf = (offset: number): number => offset - (text.lastIndexOf('\n', offset - 1) + 1) + 1;
    if (kind === 'include' || kind === 'include_next') {
      const inc = INCLUDE_NAME.exec(rest);
      if (inc !== null) out.push({ line, col: colOf(at), kind: 'include', name: (inc[2] as string).trim(), quoted: inc[1] === '"', next: kind === 'include_next' });
      continue;
    }
    const condition = rest.replace(/\/\*.*?\*\/|\/\/.*$/gm, (c) => ' '.repeat(c.length));
    for (const id of condition.matchAll(IDENT)) {
      if (!isTargetMacro(id[0])) continue;
      const offset = restStart + id.index;
      // A continuation line moves the macro to a later line than the directive's.
      const extraLines = text.slice(at, offset).split('\n').length - 1;
      out.push({ line: line + extraLines, col: colOf(offset), kind: 'cond', name: id[0] });
    }
  }
  return out;
}

/** The conditionals naming a target macro and the includes of a file (read once per memo). */
export function fileDirectives(p: string, memo?: FileMemo): readonly Directive[] {
  const compute = (): Directive[] => directivesOf(memo !== undefined ? memo.text(p) : fs.readFileSync(p, 'utf8'));
  return memo !== undefined ? memo.once(`target-directives\0${p}`, compute) : compute();
}

/**
 * The file an `#include` in `from` reaches as clang resolves it: an absolute name as it is, a quoted
 * one beside its includer first, then the first search folder that has it (`#include_next`: the
 * folders after the includer's); with that folder.
 */
export function resolveInclude(d: Pick<Directive, 'name' | 'quoted' | 'next'>, from: string, dirs: readonly string[], fileAt: (p: string) => boolean): { file: string; dir?: string } | undefined {
  if (path.isAbsolute(d.name)) return fileAt(d.name) ? { file: d.name } : undefined;
  if (d.quoted === true && d.next !== true) {
    const own = path.join(path.dirname(from), d.name);
    if (fileAt(own)) return { file: own };
  }
  let start = 0;
  if (d.next === true) {
    const i = dirs.findIndex((x) => from.startsWith(x + path.sep));
    start = i >= 0 ? i + 1 : 0;
  }
  for (const dir of dirs.slice(start)) {
    const f = path.join(dir, d.name);
    if (fileAt(f)) return { file: f, dir };
  }
  return undefined;
}

/**
 * Looks for the first sign that a header's preprocessed content may differ between targets, without
 * running clang: a conditional naming a target macro (target-macros.ts) in the header or in a header
 * it includes, or an `#include` that reaches a header in a per-target folder that other targets'
 * folders have too (`asm/kvm.h` under `x86_64-linux-gnu/` and `s390x-linux-gnu/`); headers only the
 * host's folder has (libc's) are not followed. Includes are followed as clang
 * resolves them for the probe's target (the first match; `#include_next` past the includer's folder),
 * but not into the foundation headers (see {@link FOUNDATION}). The header is checked first, so a hint
 * points into it when it has one. Undefined: the header preprocesses alike on every target, up to
 * what the model has per ABI.
 */
export function scanTargetDependence(header: string, setup: SearchSetup, display: (file: string) => string, memo?: FileMemo): TargetHint | undefined {
  const fileAt = memo !== undefined ? (p: string): boolean => memo.isFile(p) : isFile;
  const read = (p: string): readonly Directive[] => fileDirectives(p, memo);
  const resolve = (d: Directive, from: string): { file: string; dir?: string } | undefined => resolveInclude(d, from, setup.searchDirs, fileAt);
  const seen = new Set<string>([header]);
  const queue = [header];
  let first: { loc: SourceLoc; what: string } | undefined;
  const macros = new Set<string>();
  let perTargetInclude = false;
  while (queue.length > 0) {
    const file = queue.shift() as string;
    for (const d of read(file)) {
      const at = (): SourceLoc => ({ file: display(file), line: d.line, col: d.col });
      if (d.kind === 'cond') {
        first ??= { loc: at(), what: d.name };
        macros.add(d.name);
        continue;
      }
      const found = resolve(d, file);
      if (found === undefined || seen.has(found.file) || isFoundationFile(found.file, setup)) continue;
      const dependence = found.dir !== undefined ? targetDependenceOf(found.dir, d.name, fileAt) : 'shared';
      // An asm/ header only the host has: the other targets get asm-generic's from the shim. Said, and
      // imported per target (as for a per-target header), which is the best the folders given allow.
      if (dependence === 'host-only' && d.name.startsWith('asm/')) {
        first ??= { loc: at(), what: d.name };
        return { ...first, macros, perTargetInclude: true, hostOnlyAsm: { name: d.name, file: found.file } };
      }
      // What only the host has (libc), no other target compiles: there is nothing to compare with.
      if (dependence === 'host-only') continue;
      if (dependence === 'per-target') {
        first ??= { loc: at(), what: d.name };
        perTargetInclude = true;
        // Each target has its own file here: all of them are preprocessed, so there is no need to look further.
        return { ...first, macros, perTargetInclude };
      }
      seen.add(found.file);
      queue.push(found.file);
    }
  }
  return first !== undefined ? { ...first, macros, perTargetInclude } : undefined;
}
