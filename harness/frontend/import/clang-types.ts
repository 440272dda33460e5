import { KERNEL_SCALARS, type ScalarName, type ScalarType, type TypeNode } from '../../core/model/model';

/** What type conversion needs to know about the translation unit. */
export interface TypeScope {
  /** The underlying type spelling of a typedef (as clang prints it), by typedef name. */
  typedef(name: string): string | undefined;
  /** The alignment a typedef's `aligned(N)` attribute sets, if it has one. */
  typedefAlign?(name: string): number | undefined;
  /** An unnamed struct, union or enum, by the position clang names it with (`file:line:col`). */
  inlineType(position: string): TypeNode | undefined;
  /**
   * An unnamed struct, union or enum that a typedef names (`typedef struct { ... } guid_t;`), by the
   * name clang prints it with (`struct guid_t`): there is no such tag in C, so it is not a reference.
   */
  typedefNamedTag(tag: 'struct' | 'union' | 'enum', name: string): TypeNode | undefined;
}

const BUILTINS: Readonly<Record<string, ScalarName>> = {
  char: 'char', 'signed char': 'signed char', 'unsigned char': 'unsigned char',
  short: 'short', 'unsigned short': 'unsigned short', int: 'int', 'unsigned int': 'unsigned int',
  long: 'long', 'unsigned long': 'unsigned long', 'long long': 'long long', 'unsigned long long': 'unsigned long long',
  _Bool: '_Bool', bool: '_Bool', float: 'float', double: 'double',
  __int128: '__int128', 'unsigned __int128': 'unsigned __int128', __int128_t: '__int128', __uint128_t: 'unsigned __int128',
};
const KERNEL = new Set<string>(KERNEL_SCALARS);
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const QUALIFIER = /\b(?:const|volatile|restrict|__restrict)\b/g;

/** A pointer's target that the model cannot (or need not) describe: kept only as its spelling. */
const opaque = (spelled: string): ScalarType => ({ kind: 'scalar', name: 'char', spelled });

function wrapArrays(element: TypeNode, dims: readonly number[]): TypeNode {
  // C prints T[2][3] as array 2 of array 3 of T: the first bracket is the outermost.
  return dims.reduceRight<TypeNode>((t, n) => ({ kind: 'array', element: t, length: n }), element);
}

const dimsOf = (text: string): number[] => [...text.matchAll(/\[(\d*)\]/g)].map((m) => (m[1] === '' ? 0 : Number(m[1])));

function closingParen(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')' && --depth === 0) return i;
  }
  return s.length;
}

/**
 * Turns a type as clang prints it (`__u32[4]`, `struct hl_cs_chunk`, `union (anonymous union at
 * f.h:3:2)`, `void (*)(int)`) into a model type. Typedefs resolve through `scope` to the kernel
 * scalar they name or to a C scalar whose `spelled` keeps the typedef name (`size_t`). Returns a
 * string describing the problem when the model cannot represent the type.
 */
export function modelType(spelling: string, scope: TypeScope): TypeNode | string {
  const s = spelling.replace(QUALIFIER, ' ').replace(/\s+/g, ' ').trim();
  const star = s.indexOf('(*');
  if (star >= 0) {
    // A pointer to a function or to an array, possibly in an array: R (*[N])(args) or R (*)[N].
    const close = closingParen(s, star);
    const pointee = `${s.slice(0, star).trim()} ${s.slice(close + 1).trim()}`.trim();
    return wrapArrays({ kind: 'pointer', to: opaque(pointee) }, dimsOf(s.slice(star + 2, close)));
  }
  const arr = /^(.*?) ?((?:\[\d*\])+)$/.exec(s);
  if (arr !== null) {
    const element = modelType(arr[1] as string, scope);
    return typeof element === 'string' ? element : wrapArrays(element, dimsOf(arr[2] as string));
  }
  if (s.endsWith('*')) return { kind: 'pointer', to: pointeeType(s.slice(0, -1).trim(), scope) };
  const tag = /^(struct|union|enum) (.+)$/.exec(s);
  if (tag !== null) {
    const kind = tag[1] as 'struct' | 'union' | 'enum';
    const rest = tag[2] as string;
    if (IDENT.test(rest)) return scope.typedefNamedTag(kind, rest) ?? { kind: 'ref', tag: kind, name: rest };
    const at = /at (.+:\d+:\d+)\)$/.exec(rest);
    const inline = at !== null ? scope.inlineType(at[1] as string) : undefined;
    return inline ?? `the ${kind} type ${s} was not found in the header`;
  }
  const builtin = BUILTINS[s];
  if (builtin !== undefined) return { kind: 'scalar', name: builtin };
  if (KERNEL.has(s)) return { kind: 'scalar', name: s as ScalarName };
  if (IDENT.test(s)) {
    const underlying = scope.typedef(s);
    if (underlying === undefined) return `unknown type ${s}`;
    const t = modelType(underlying, scope);
    if (typeof t === 'string') return t;
    // The attribute of the outermost typedef that has one decides (`typedef packed_ulong my_t;` keeps 4).
    const aligned = scope.typedefAlign?.(s) ?? (t.kind === 'scalar' ? t.aligned : undefined);
    return t.kind === 'scalar' ? { kind: 'scalar', name: t.name, spelled: s, ...(aligned !== undefined ? { aligned } : {}) } : t;
  }
  return `type ${s} has no equivalent in the uAPI model`;
}

function pointeeType(spelling: string, scope: TypeScope): TypeNode {
  const t = modelType(spelling, scope);
  return typeof t !== 'string' && t.kind === 'scalar' ? t : opaque(spelling);
}

/** The innermost element of an array type (the type itself otherwise). */
export function elementOf(t: TypeNode): TypeNode {
  return t.kind === 'array' ? elementOf(t.element) : t;
}

/** `t` with its innermost element replaced. */
export function withElement(t: TypeNode, element: TypeNode): TypeNode {
  return t.kind === 'array' ? { ...t, element: withElement(t.element, element) } : element;
}
