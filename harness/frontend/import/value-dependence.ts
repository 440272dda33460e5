import * as path from 'node:path';
import type { AstNode } from '../clang/ast-json';
import type { Abi } from '../../core/layout/abi';
import { isTargetMacro, MACROS_BY_ABI_PROPERTY } from '../clang/target-macros';
import { KERNEL_SCALARS, type SourceLoc } from '../../core/model/model';

// clang evaluates every value of an import (macro values, enumerators, array bounds, bit-field
// widths, `aligned(N)`, the scalar a typedef names) for x86_64. C integer arithmetic on `int`,
// `unsigned int` and `long long` is the same on every supported ABI; a value can differ only through
// what this file looks for: `sizeof`/`_Alignof`/`offsetof`, `long` and pointers (and the `L`/`UL`
// literals and typedefs that are `long`), `char` (signedness), and whatever the target-dependent
// headers define (the `_IOC` encoding of asm/ioctl.h, `__BITS_PER_LONG`, the byte-swapping macros,
// every typedef and macro of asm/ and of libc or clang's own headers). A header where one of them
// reaches a value is imported again for each class of ABIs that can see another value (see
// valueClassKey), by clang for that class's target, so that clang computes every such value per ABI.

/**
 * What a value depends on. `word`: the width of `long` and pointers; `ioctl`: the `_IOC` encoding
 * family; `char`: the signedness of `char`; `endian`: byte order; `abi`: anything about the target
 * (every ABI apart); `sizes`: the size and alignment of one type, as the layout engine gives them per
 * ABI from the x86_64 spec (`key` by ABI name), which joins ABIs that lay the type out alike.
 */
export type SimpleDependence = 'word' | 'ioctl' | 'char' | 'endian' | 'abi';
export type Dependence =
  | { readonly kind: SimpleDependence }
  | { readonly kind: 'sizes'; readonly key: Readonly<Record<string, string>> };

/** Why a header's values may differ between ABIs: where it shows first, and everything they depend on. */
export interface ValueHint {
  readonly loc?: SourceLoc;
  /** What depends on the target there, for the warning (`DRM_PANTHOR_USER_MMIO_OFFSET: sizeof(unsigned long)`). */
  readonly what: string;
  readonly dependences: readonly Dependence[];
}

/** A key two ABIs share when every dependence of the hint is alike on both (they see the same values). */
export function valueClassKey(dependences: readonly Dependence[], abi: Abi): string {
  return dependences.map((d) => {
    switch (d.kind) {
      case 'word': return `long=${abi.longBytes},ptr=${abi.pointerBytes}`;
      case 'ioctl': return `ioctl=${abi.ioctl}`;
      case 'char': return `char=${abi.charSigned ? 'signed' : 'unsigned'}`;
      case 'endian': return `endian=${abi.endian}`;
      case 'abi': return abi.name;
      case 'sizes': return `sizes=${d.key[abi.name] ?? abi.name}`;
    }
  }).join(';');
}

/** The files a search finds headers in: to tell the target-dependent ones by their name under a folder. */
export interface DependenceSetup {
  readonly searchDirs: readonly string[];
  readonly resourceIncludeDir?: string | undefined;
}

const LIBC_NAME = /^(?:[^/]+|(?:sys|bits|gnu)\/.*)$/;

/**
 * What anything defined in a file depends on, by its name under the include folder that has it:
 * asm/ioctl.h and linux/ioctl.h the ioctl encoding, bitsperlong.h the word width, the byte-order and
 * swab headers the byte order, any other asm/ or asm-generic/ header (posix_types.h, per-target
 * constants), a libc header or one of clang's own the whole target. Undefined for other files: what
 * they define depends on the target only through what it uses, which is looked at in turn.
 */
export function fileDependence(file: string, setup: DependenceSetup): SimpleDependence | undefined {
  const r = setup.resourceIncludeDir;
  if (r !== undefined && file.startsWith(r + path.sep)) return 'abi';
  if (file.startsWith('<')) return 'abi'; // <built-in>, <scratch space>: predefined macros
  // The most specific folder names it: `asm/posix_types_64.h` under `tree/x86_64-linux-gnu`, not
  // `x86_64-linux-gnu/asm/...` under `tree`.
  const d = searchDirOf(file, setup);
  if (d !== undefined) {
    const name = path.relative(d, file).split(path.sep).join('/');
    if (/^(?:asm|asm-generic|linux)\/ioctl\.h$/.test(name)) return 'ioctl';
    if (/^(?:asm|asm-generic)\/bitsperlong\.h$/.test(name)) return 'word';
    if (/^(?:linux\/byteorder\/.*|asm\/byteorder\.h|(?:asm|asm-generic|linux)\/swab\.h)$/.test(name)) return 'endian';
    if (/^(?:asm|asm-generic)\//.test(name)) return 'abi';
    if (name.startsWith('linux/')) return undefined;
    if (LIBC_NAME.test(name)) return 'abi';
    return undefined;
  }
  return undefined;
}

/** The longest search folder a file is under. */
function searchDirOf(file: string, setup: DependenceSetup): string | undefined {
  let best: string | undefined;
  for (const d of setup.searchDirs) if (file.startsWith(d + path.sep) && (best === undefined || d.length > best.length)) best = d;
  return best;
}

/** Whether a file is one of the kernel's asm/ or asm-generic/ headers. */
function isKernelFile(file: string, setup: DependenceSetup): boolean {
  const d = searchDirOf(file, setup);
  return d !== undefined && /^asm(?:-generic)?\//.test(path.relative(d, file).split(path.sep).join('/'));
}

/** A `#define` as the analysis reads it: where, and its replacement text. */
export interface MacroDefinition {
  readonly file: string;
  readonly body: string;
}

/** What the analysis asks about the translation unit. */
export interface DependenceContext {
  readonly setup: DependenceSetup;
  /** Every definition of a macro in the files the header may include (itself too). */
  macro(name: string): readonly MacroDefinition[];
  /** A typedef's underlying type as clang spells it and the file it is in. */
  typedef(name: string): { readonly underlying: string; readonly file?: string | undefined } | undefined;
  /** What an enumerator's value depends on (from its initializer in the AST), if the name is one. */
  enumerator(name: string): ReadonlyMap<string, Dependence> | undefined;
  /** Size and alignment of a type per ABI name (`8/8`), when the layout engine knows the type. */
  sizes(typeText: string): Readonly<Record<string, string>> | undefined;
}

const KERNEL = new Set<string>(KERNEL_SCALARS);
const SIZE_OPERATORS = new Set(['sizeof', '_Alignof', '__alignof__', '__alignof', 'alignof']);
const OFFSET_OPERATORS = new Set(['offsetof', '__builtin_offsetof']);
const TOKEN = /[A-Za-z_]\w*|0[xX][0-9a-fA-F]+[uUlL]*|\d+[uUlL]*|\*\s*\)|\S/g;

/** The key of a dependence in the maps the analysis fills (equal dependences, one entry). */
export const keyOf = (d: Dependence): string => JSON.stringify(d);
const add = (out: Map<string, Dependence>, d: Dependence): void => {
  out.set(keyOf(d), d);
};
const kindOfTargetMacro = (name: string): SimpleDependence =>
  MACROS_BY_ABI_PROPERTY.long.has(name) ? 'word' : MACROS_BY_ABI_PROPERTY.endian.has(name) ? 'endian' : MACROS_BY_ABI_PROPERTY.char.has(name) ? 'char' : 'abi';

/** The text inside the parentheses that open at `open` (balanced), and the index after the closing one. */
function parenthesised(text: string, open: number): { inner: string; end: number } | undefined {
  if (text[open] !== '(') return undefined;
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return { inner: text.slice(open + 1, i), end: i + 1 };
  }
  return undefined;
}

/** Whether a type spelling (after typedefs) is `long`, `unsigned long` or a pointer. */
const isWordType = (t: string): boolean => /^(?:(?:unsigned |signed )?long(?: int)?|.*\*)$/.test(t.replace(/\b(?:const|volatile)\b/g, '').replace(/\s+/g, ' ').trim());

/**
 * C's exact-width integer types of 8 to 32 bits: the standard fixes their width and signedness, and on
 * every supported ABI they are `char`, `short` or `int` (32 bits), so a value or a field typed so is the
 * same everywhere (unlike `int64_t`, `long` on some ABIs and `long long` on others).
 */
const EXACT_WIDTH = /^u?int(?:8|16|32)_t$/;

/** What a typedef's meaning depends on: the file of each typedef in its chain (see {@link fileDependence}). */
export function typedefDependence(name: string, ctx: DependenceContext, seen = new Set<string>()): SimpleDependence | undefined {
  if (KERNEL.has(name) || seen.has(name)) return undefined;
  // Only where a libc or compiler header defines it (a header of the tree might define its own).
  if (EXACT_WIDTH.test(name)) {
    const file = ctx.typedef(name)?.file;
    if (file !== undefined && fileDependence(file, ctx.setup) === 'abi' && !isKernelFile(file, ctx.setup)) return undefined;
  }
  seen.add(name);
  const t = ctx.typedef(name);
  if (t === undefined) return undefined;
  const kind = t.file !== undefined ? fileDependence(t.file, ctx.setup) : undefined;
  // A libc or compiler typedef that is `long` here (int64_t, size_t) is `long` or `long long` on the
  // others: it follows the word width. The kernel's asm/ ones do not (`__kernel_old_dev_t` is
  // `unsigned long` on x86_64, `unsigned short` on i386): every ABI apart.
  if (kind === 'abi') return isWordType(resolvedType(name, ctx)) && t.file !== undefined && !isKernelFile(t.file, ctx.setup) ? 'word' : 'abi';
  if (kind !== undefined) return kind;
  const next = /^[A-Za-z_]\w*$/.exec(t.underlying.trim())?.[0];
  return next !== undefined ? typedefDependence(next, ctx, seen) : undefined;
}

function resolvedType(name: string, ctx: DependenceContext): string {
  let t = name;
  for (let i = 0; i < 16; i++) {
    const u = ctx.typedef(t);
    if (u === undefined) return t;
    t = u.underlying;
  }
  return t;
}

/**
 * What the value of a C expression written as text depends on (a macro body, an array bound): its
 * tokens, the macros it uses (their definitions, in turn), the typedefs and enumerators it names.
 */
export function textDependence(text: string, ctx: DependenceContext, out = new Map<string, Dependence>(), seen = new Set<string>()): Map<string, Dependence> {
  const clean = text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/.*$/gm, ' ');
  const tokens = [...clean.matchAll(TOKEN)];
  for (let i = 0; i < tokens.length; i++) {
    const tok = (tokens[i] as RegExpMatchArray)[0];
    if (/^\d|^0[xX]/.test(tok)) {
      if (/[lL]/.test(tok) && !/[lL]{2}/.test(tok)) add(out, { kind: 'word' });
      continue;
    }
    if (/^\*\s*\)$/.test(tok)) {
      add(out, { kind: 'word' }); // a cast to a pointer type
      continue;
    }
    if (!/^[A-Za-z_]/.test(tok)) continue;
    if (SIZE_OPERATORS.has(tok)) {
      const next = tokens[i + 1];
      const operand = next?.[0] === '(' ? parenthesised(clean, next.index ?? -1) : undefined;
      const sizes = operand !== undefined ? ctx.sizes(operand.inner) : undefined;
      if (sizes !== undefined) add(out, { kind: 'sizes', key: sizes });
      else add(out, { kind: 'abi' });
      // Arithmetic on the result is `size_t` arithmetic: it wraps at the word width.
      add(out, { kind: 'word' });
      if (operand !== undefined) while (i + 1 < tokens.length && ((tokens[i + 1] as RegExpMatchArray).index ?? Infinity) < operand.end) i++;
      continue;
    }
    if (OFFSET_OPERATORS.has(tok)) {
      add(out, { kind: 'abi' });
      continue;
    }
    if (tok === 'long') {
      if (tokens[i + 1]?.[0] === 'long') i++;
      else add(out, { kind: 'word' });
      continue;
    }
    if (tok === 'char') {
      add(out, { kind: 'char' });
      continue;
    }
    if (isTargetMacro(tok)) {
      add(out, { kind: kindOfTargetMacro(tok) });
      continue;
    }
    if (seen.has(tok)) continue;
    seen.add(tok);
    const defs = ctx.macro(tok);
    for (const d of defs) {
      const kind = fileDependence(d.file, ctx.setup);
      if (kind !== undefined) add(out, { kind });
      else textDependence(d.body, ctx, out, seen);
    }
    if (defs.length > 0) continue;
    const td = typedefDependence(tok, ctx);
    if (td !== undefined) {
      add(out, { kind: td });
      continue;
    }
    for (const d of ctx.enumerator(tok)?.values() ?? []) add(out, d);
  }
  return out;
}

const typeOf = (n: AstNode): string | undefined => n.type?.desugaredQualType ?? n.type?.qualType;

/**
 * What a value clang computed depends on, from its expression in the AST (an enumerator's
 * initializer, a bit-field width, an `aligned(N)`): `sizeof`/`_Alignof` and `offsetof`, sub-expressions
 * of type `long`, pointer or `char`, and tokens spelled in a target-dependent file (a macro of
 * asm/ioctl.h: `_IOR` in an enumerator). Locations must be filled (ast-json.ts fillLocations).
 */
export function astDependence(n: AstNode, ctx: DependenceContext, out = new Map<string, Dependence>()): Map<string, Dependence> {
  if (n.kind === 'UnaryExprOrTypeTraitExpr') {
    const arg = n.argType?.qualType;
    const sizes = arg !== undefined ? ctx.sizes(arg) : undefined;
    add(out, sizes !== undefined ? { kind: 'sizes', key: sizes } : { kind: 'abi' });
    return out;
  }
  if (n.kind === 'OffsetOfExpr') {
    add(out, { kind: 'abi' });
    return out;
  }
  if (n.kind === 'DeclRefExpr' && n.referencedDecl !== undefined) {
    const ref = n.referencedDecl as { kind?: string; name?: string };
    if (ref.kind === 'EnumConstantDecl' && ref.name !== undefined) for (const d of ctx.enumerator(ref.name)?.values() ?? []) add(out, d);
  }
  const t = typeOf(n);
  if (t !== undefined && n.kind !== 'ConstantExpr') {
    if (isWordType(t)) add(out, { kind: 'word' });
    else if (t === 'char') add(out, { kind: 'char' });
  }
  const spelled = n.range?.begin?.spellingLoc?.file;
  if (spelled !== undefined && n.range?.begin?.expansionLoc !== undefined) {
    const kind = fileDependence(spelled, ctx.setup);
    if (kind !== undefined) add(out, { kind });
  }
  for (const c of n.inner ?? []) astDependence(c, ctx, out);
  return out;
}

/** The dependences of a set as a list, `abi` alone when it is there (it separates every ABI anyway). */
export function dependenceList(found: ReadonlyMap<string, Dependence>): Dependence[] {
  const all = [...found.values()];
  return all.some((d) => d.kind === 'abi') ? [{ kind: 'abi' }] : all.sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
}
