/**
 * The spec model: a uAPI as plain data.
 *
 * Every node is a JSON-like object with a `kind` discriminant, so that the DSL builders, the C header
 * importer and the canonical JSON reader all produce the same thing, and so that layout, codec, diff
 * and lint can dispatch on `kind` with exhaustive tables. Integer values that may exceed 2^53
 * (constants, enumerators, flag masks) are `bigint`; sizes, offsets and counts are `number`.
 */

/** Where a declaration came from: a C header line or a DSL call site. Columns are 1-based. */
export interface SourceLoc {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  /**
   * For a spec imported from a C header, where `file` is that header: the line of the spec file that
   * writes the declaration (the call of the DSL), shown as a second line. Absent otherwise.
   */
  readonly spec?: SourceLoc;
}

/** Fixed-width kernel types: the only scalars a well-formed uAPI uses (lint rule S1). */
export const KERNEL_SCALARS = [
  '__u8', '__s8', '__u16', '__s16', '__u32', '__s32', '__u64', '__s64',
  '__le16', '__le32', '__le64', '__be16', '__be32', '__be64',
  '__aligned_u64', '__aligned_s64', '__aligned_le64', '__aligned_be64',
] as const;
export type KernelScalarName = (typeof KERNEL_SCALARS)[number];

/**
 * Plain C scalars. They are representable so that an imported header that uses them can be laid out
 * and linted, not so that specs use them.
 */
export const C_SCALARS = [
  'char', 'signed char', 'unsigned char', 'short', 'unsigned short', 'int', 'unsigned int',
  'long', 'unsigned long', 'long long', 'unsigned long long', '_Bool', 'float', 'double',
  // 64-bit targets only (aarch64's asm/ptrace.h: `__uint128_t vregs[32]`).
  '__int128', 'unsigned __int128',
] as const;
export type CScalarName = (typeof C_SCALARS)[number];

export type ScalarName = KernelScalarName | CScalarName;

export interface ScalarType {
  readonly kind: 'scalar';
  readonly name: ScalarName;
  /** The spelling in the source when it differs from `name` (a typedef such as `size_t`). */
  readonly spelled?: string;
  /**
   * The alignment a typedef declared with `__attribute__((aligned(N)))` gives the type, in place of
   * the scalar's own: GCC and clang honour it on a typedef whether it raises or lowers the alignment
   * (`typedef unsigned long packed_ulong __attribute__((aligned(4)))`). A packed struct still packs it.
   */
  readonly aligned?: number;
}

/**
 * A fixed-length array. `length` 0 is a flexible array member (`T x[]`) or GNU C's zero-length array
 * (`T x[0]`), which lay out alike: size 0, the element's alignment. Both are valid anywhere C or GNU C
 * allows them (in a union, between members); lint rule S15 warns where one is not last.
 */
export interface ArrayType {
  readonly kind: 'array';
  readonly element: TypeNode;
  readonly length: number;
}

/** A reference by name to a top-level struct, union or enum of the same spec. */
export interface RefType {
  readonly kind: 'ref';
  readonly tag: 'struct' | 'union' | 'enum';
  readonly name: string;
}

/** A struct or union defined in place (C's anonymous struct/union types). */
export interface InlineRecordType {
  readonly kind: 'record';
  readonly record: RecordDecl;
}

/** A C pointer: never valid in a uAPI struct (rule S4), kept so the linter can say so. */
export interface PointerType {
  readonly kind: 'pointer';
  readonly to: TypeNode;
}

export type TypeNode = ScalarType | ArrayType | RefType | InlineRecordType | PointerType;
export type TypeKind = TypeNode['kind'];

export type Direction = 'in' | 'out' | 'inout';

/** User-pointer annotation: a `__u64` that carries a userspace address. */
export interface UserPointerAnnotation {
  /** Sibling field holding the buffer length. */
  readonly lengthField?: string;
  /** Whether `lengthField` counts bytes (default) or elements of `elementType`. */
  readonly lengthUnit?: 'bytes' | 'elements';
  /** Type of the elements the pointer addresses when it is an array: a struct/union name or a scalar (`__u64`). */
  readonly elementType?: string;
  /** Which way the pointed-to bytes travel. */
  readonly dir?: Direction;
}

/** Semantic annotations on a field. Each is optional; together they drive lint, diff and tests. */
export interface FieldAnnotations {
  /** Pad and reserved fields must be zero on input and are zero on output. */
  readonly role?: 'pad' | 'reserved';
  /** Name of a flag group: only its bits may be set. */
  readonly flags?: string;
  /** Name of an enum or value group: only its values are accepted. */
  readonly oneOf?: string;
  /** Names a kind of per-fd handle (for example `cb`): stale or foreign handles are rejected. */
  readonly handle?: string;
  readonly userPointer?: UserPointerAnnotation;
  /** The field holds the size of the struct the caller was built with (extension by size). */
  readonly sizeOfStruct?: boolean;
  readonly dir?: Direction;
}

export interface Member {
  /** Absent for an anonymous struct/union member, whose fields C lets you name at this level. */
  readonly name?: string;
  readonly type: TypeNode;
  /** Bit-field width (rule S6 forbids them; the layout engine still computes them). */
  readonly bits?: number;
  /** `__attribute__((aligned(N)))` on the member. */
  readonly aligned?: number;
  readonly annotations?: FieldAnnotations;
  readonly doc?: string;
  readonly loc?: SourceLoc;
}

/** A lint rule switched off for one type, with the reason a reviewer reads. */
export interface LintWaiver {
  readonly rule: string;
  readonly reason: string;
  /** Who answers for the exception (a name or an address). */
  readonly owner?: string;
  /** Last day (YYYY-MM-DD, UTC) the waiver applies; after it lint fails naming the waiver. */
  readonly expires?: string;
}

/**
 * A struct or union. `members` may be empty (GNU C: size 0, alignment 1), as in the empty struct of
 * the kernel's `__DECLARE_FLEX_ARRAY`; lint rule S14 warns about other empty ones.
 */
export interface RecordDecl {
  readonly kind: 'struct' | 'union';
  /** Absent for an anonymous record that only appears inline. */
  readonly name?: string;
  readonly members: readonly Member[];
  readonly packed?: boolean;
  /** `__attribute__((aligned(N)))` on the type. */
  readonly aligned?: number;
  /** `#pragma pack(N)` in effect where the type is defined: no member is aligned more than N. */
  readonly maxFieldAlign?: number;
  readonly lintWaivers?: readonly LintWaiver[];
  readonly doc?: string;
  readonly loc?: SourceLoc;
}

export interface Enumerator {
  readonly name: string;
  readonly value: bigint;
  readonly doc?: string;
  readonly loc?: SourceLoc;
}

export interface EnumDecl {
  readonly kind: 'enum';
  readonly name: string;
  readonly values: readonly Enumerator[];
  /** `__attribute__((packed))` on an enum makes it as small as its values allow. */
  readonly packed?: boolean;
  readonly doc?: string;
  readonly loc?: SourceLoc;
}

/**
 * An integer `#define` (or a DSL constant). Constants may belong to a group: a flag set (each value
 * is a mask) or a value set (opcodes, indices). A value-set member may name the payload type it
 * selects (the struct an INFO opcode returns).
 */
export interface ConstantDecl {
  readonly kind: 'constant';
  readonly name: string;
  readonly value: bigint;
  readonly group?: string;
  readonly payload?: string;
  readonly doc?: string;
  readonly loc?: SourceLoc;
}

export interface GroupDecl {
  readonly kind: 'group';
  readonly name: string;
  /** `flags`: members are bit masks that may be or-ed; `values`: members are distinct values. */
  readonly of: 'flags' | 'values';
  readonly doc?: string;
  readonly loc?: SourceLoc;
}

export type IoctlDir = 'none' | 'w' | 'r' | 'rw';

/**
 * Failure classes whose errno a spec declares per ioctl (design doc D1–D14). `unsupported`: a listed
 * op or mode the device does not implement (EOPNOTSUPP); `aborted`: the work the call waits for was
 * aborted, e.g. by a reset (EIO).
 */
export const FAILURE_CLASSES = [
  'nonzeroPad', 'unknownFlags', 'badValue', 'staleHandle', 'foreignHandle', 'badPointer',
  'longerTail', 'outOfRange', 'exhausted', 'privileged', 'timeout', 'busy', 'interrupted',
  'unsupported', 'aborted',
] as const;
export type FailureClass = (typeof FAILURE_CLASSES)[number];

/** What the kernel does with bytes a caller passes beyond the struct it knows. */
export type TailPolicy = 'reject' | 'ignore';

export interface IoctlDecl {
  readonly kind: 'ioctl';
  readonly name: string;
  /** The `_IOC_TYPE` byte, e.g. 100 for `'d'`. */
  readonly type: number;
  readonly nr: number;
  readonly dir: IoctlDir;
  /** Argument type; absent for `_IO`. */
  readonly arg?: TypeNode;
  /**
   * The driver dispatches on `_IOC_NR` and copies the caller's size into a zeroed buffer of its own
   * size (DRM and habanalabs do): growing the struct at the end is then compatible.
   */
  readonly sizeExtensible?: boolean;
  /** With `sizeExtensible`: a longer caller struct whose extra bytes are non-zero is rejected or ignored. */
  readonly tail?: TailPolicy;
  /** errno names (`EINVAL`, ...) per failure class. */
  readonly errno?: Readonly<Partial<Record<FailureClass, string>>>;
  readonly doc?: string;
  readonly loc?: SourceLoc;
}

export interface Spec {
  readonly name: string;
  /** Semantic version of the uAPI contract (semver). */
  readonly version: string;
  readonly records: readonly RecordDecl[];
  readonly enums: readonly EnumDecl[];
  readonly constants: readonly ConstantDecl[];
  readonly groups: readonly GroupDecl[];
  readonly ioctls: readonly IoctlDecl[];
  /** Where the spec was read from (a spec file or a C header). */
  readonly source?: string;
}

export type Decl = RecordDecl | EnumDecl | ConstantDecl | GroupDecl | IoctlDecl;
