import * as fs from 'node:fs';
import { issue, type Issue } from '../../core/diagnostics/issue';
import { constantValue, declLoc, type AstLoc, type AstNode } from '../clang/ast-json';
import type { EnumDecl, Enumerator, Member, RecordDecl, ScalarName, SourceLoc, TypeNode } from '../../core/model/model';
import { elementOf, modelType, withElement, type TypeScope } from './clang-types';

// Kernel "types" that are macros adding aligned(8) to a 64-bit type; the model has them as scalars.
const ALIGNED_64 = new Set(['__aligned_u64', '__aligned_s64', '__aligned_le64', '__aligned_be64']);

const positionKey = (l: AstLoc | undefined): string | undefined => {
  const d = declLoc(l);
  return d === undefined ? undefined : `${d.file}:${d.line}:${d.col}`;
};

/**
 * A member of an unnamed enum type has the enum's integer type (the model can only refer to named
 * enums): int, or the first of unsigned int, long long, unsigned long long that holds every value,
 * as clang chooses. The spelling keeps that it is an enum.
 */
function unnamedEnumType(e: EnumDecl): TypeNode {
  const fits = (lo: bigint, hi: bigint): boolean => e.values.every((v) => v.value >= lo && v.value <= hi);
  const name: ScalarName = fits(-(2n ** 31n), 2n ** 31n - 1n) ? 'int'
    : fits(0n, 2n ** 32n - 1n) ? 'unsigned int'
    : fits(-(2n ** 63n), 2n ** 63n - 1n) ? 'long long' : 'unsigned long long';
  return { kind: 'scalar', name, spelled: 'enum (anonymous)' };
}

const children = (n: AstNode, kind: string): AstNode[] => (n.inner ?? []).filter((c) => c.kind === kind);

/**
 * The declarations of one clang AST (a `TranslationUnitDecl`) turned into model declarations on
 * demand. Named records defined inside other records are file-scope types in C and are found by
 * name like the others; unnamed ones are found by the position clang names them with.
 */
export class TranslationUnit implements TypeScope {
  readonly issues: Issue[] = [];
  readonly top: readonly AstNode[];
  private readonly typedefs = new Map<string, string>();
  /** The file each typedef is declared in, as clang spells it. */
  private readonly typedefFiles = new Map<string, string>();
  /**
   * Values clang computed for x86_64 inside declarations the spec holds: the expression of an
   * `aligned(N)` or a bit-field width, and fields of array type (their bounds are not in the AST, only
   * in the source text). value-dependence.ts looks at what each depends on.
   */
  readonly valueSites: { readonly node: AstNode; readonly path: string; readonly what: 'expression' | 'bounds' }[] = [];
  /** `aligned(N)` of typedefs that have one (see {@link typedefAlign}). */
  private readonly typedefAligns = new Map<string, number>();
  private readonly namedRecords = new Map<string, AstNode>();
  private readonly unnamedRecords = new Map<string, AstNode>();
  private readonly unnamedEnums = new Map<string, AstNode>();
  private readonly enumNodes = new Map<string, AstNode>();
  /** Unnamed tags a typedef names, by `struct NAME` as clang prints them (see {@link typedefNamedTag}). */
  private readonly typedefTags = new Map<string, AstNode>();
  private readonly converted = new Map<AstNode, RecordDecl>();
  private readonly texts = new Map<string, Buffer | undefined>();
  private readonly display: (file: string) => string;

  constructor(root: AstNode, display: (file: string) => string) {
    this.top = root.inner ?? [];
    this.display = display;
    const visitRecord = (n: AstNode): void => {
      if (n.completeDefinition !== true) return;
      if (n.name !== undefined && n.name !== '') {
        if (!this.namedRecords.has(n.name)) this.namedRecords.set(n.name, n);
      } else {
        const k = positionKey(n.loc);
        if (k !== undefined) this.unnamedRecords.set(k, n);
      }
      for (const c of children(n, 'RecordDecl')) visitRecord(c);
      for (const c of children(n, 'EnumDecl')) visitEnum(c);
    };
    const visitEnum = (n: AstNode): void => {
      if (n.inner === undefined) return;
      if (n.name !== undefined && n.name !== '') {
        if (!this.enumNodes.has(n.name)) this.enumNodes.set(n.name, n);
        return;
      }
      const k = positionKey(n.loc);
      if (k !== undefined) this.unnamedEnums.set(k, n);
    };
    let previous: AstNode | undefined;
    for (const n of this.top) {
      if (n.kind === 'TypedefDecl' && n.name !== undefined && n.type !== undefined) {
        this.typedefs.set(n.name, n.type.qualType);
        const file = declLoc(n.loc)?.file;
        if (file !== undefined) this.typedefFiles.set(n.name, file);
        this.noteTypedefAlign(n);
        this.noteTypedefNamedTag(n, previous);
      } else if (n.kind === 'RecordDecl') visitRecord(n);
      else if (n.kind === 'EnumDecl') visitEnum(n);
      previous = n;
    }
  }

  /**
   * `typedef struct { ... } guid_t;` is an unnamed struct and a typedef, printed one after the other;
   * clang spells the type `struct guid_t` after the typedef (the name it has for linkage). A
   * definition without a tag right before a typedef whose type is that tag kind with the typedef's own
   * name is such a pair. (Further names in the same typedef spell it the same way and need nothing.)
   */
  private noteTypedefNamedTag(typedef: AstNode, previous: AstNode | undefined): void {
    if (previous === undefined || (previous.name !== undefined && previous.name !== '')) return;
    const tag = previous.kind === 'EnumDecl' ? 'enum' : previous.kind === 'RecordDecl' ? (previous.tagUsed === 'union' ? 'union' : 'struct') : undefined;
    const defined = previous.kind === 'EnumDecl' ? previous.inner !== undefined : previous.completeDefinition === true;
    const spelled = `${tag ?? ''} ${typedef.name ?? ''}`;
    if (tag === undefined || !defined || typedef.type?.qualType !== spelled || this.typedefTags.has(spelled)) return;
    this.typedefTags.set(spelled, previous);
  }

  /**
   * `typedef unsigned long packed_ulong __attribute__((aligned(4)))`: the type gets that alignment, up
   * or down (clang's AST has the attribute under the typedef). The model keeps it on scalars; on a
   * typedef of a struct, union or array it is not represented, and the import says so.
   */
  private noteTypedefAlign(n: AstNode): void {
    const attr = (n.inner ?? []).find((c) => c.kind === 'AlignedAttr');
    if (attr === undefined || n.name === undefined) return;
    const path = `typedef ${n.name}`;
    const qual = n.type?.qualType ?? '';
    if (/^(?:struct|union|enum) |\]$/.test(qual)) {
      this.warn('IMPORT_UNSUPPORTED', path, `aligned on a typedef of ${qual} is not represented; members of this type are laid out with the alignment of ${qual}`, attr.range?.begin);
      return;
    }
    this.typedefAligns.set(n.name, this.alignment(attr, path));
    this.valueSites.push({ node: attr, path, what: 'expression' });
  }

  /** The file a typedef is declared in. */
  typedefFile(name: string): string | undefined {
    return this.typedefFiles.get(name);
  }

  /** The source text from one location to the end of the token at another (expansion points), if both are in one file. */
  sourceText(begin: AstLoc | undefined, end: AstLoc | undefined): string | undefined {
    const b = begin?.expansionLoc ?? begin;
    const e = end?.expansionLoc ?? end;
    if (b?.file === undefined || b.file !== e?.file || b.offset === undefined || e.offset === undefined || e.tokLen === undefined) return undefined;
    return this.fileText(b.file)?.subarray(b.offset, e.offset + e.tokLen).toString('utf8');
  }

  typedefAlign(name: string): number | undefined {
    return this.typedefAligns.get(name);
  }

  typedefNamedTag(tag: 'struct' | 'union' | 'enum', name: string): TypeNode | undefined {
    // A real tag of that name wins: `typedef struct foo foo;` names a tag that exists.
    if (this.defines(tag, name)) return undefined;
    const n = this.typedefTags.get(`${tag} ${name}`);
    if (n === undefined) return undefined;
    return tag === 'enum' ? unnamedEnumType(this.enumeration(n)) : { kind: 'record', record: this.record(n) };
  }

  /** Whether the translation unit defines the struct, union or enum of this tag and name. */
  defines(tag: 'struct' | 'union' | 'enum', name: string): boolean {
    return tag === 'enum' ? this.enumNodes.has(name) : this.namedRecords.has(name);
  }

  typedef(name: string): string | undefined {
    return this.typedefs.get(name);
  }

  inlineType(position: string): TypeNode | undefined {
    const r = this.unnamedRecords.get(position);
    if (r !== undefined) return this.inlineNode(r);
    const e = this.unnamedEnums.get(position);
    return e !== undefined ? this.inlineNode(e) : undefined;
  }

  private inlineNode(n: AstNode): TypeNode {
    return n.kind === 'EnumDecl' ? unnamedEnumType(this.enumeration(n)) : { kind: 'record', record: this.record(n) };
  }

  /**
   * Type lookup for the fields of one record: its own unnamed structs, unions and enums first, the
   * latest one defined before the field at a position winning. clang names an unnamed type by the
   * position it was expanded at, and a macro that defines one inside another (`__DECLARE_FLEX_ARRAY`:
   * `struct { struct { } __empty_x; T x[]; }`) gives both the same position: only the nesting
   * tells which one a field has.
   */
  private fieldScope(own: ReadonlyMap<string, AstNode>): TypeScope {
    if (own.size === 0) return this;
    return {
      typedef: (name) => this.typedef(name),
      typedefAlign: (name) => this.typedefAlign(name),
      typedefNamedTag: (tag, name) => this.typedefNamedTag(tag, name),
      inlineType: (position) => {
        const n = own.get(position);
        return n !== undefined ? this.inlineNode(n) : this.inlineType(position);
      },
    };
  }

  hasRecord(name: string): boolean {
    return this.namedRecords.has(name);
  }

  recordNamed(name: string): RecordDecl | undefined {
    const n = this.namedRecords.get(name);
    return n === undefined ? undefined : this.record(n);
  }

  enumNamed(name: string): EnumDecl | undefined {
    const n = this.enumNodes.get(name);
    return n === undefined ? undefined : this.enumeration(n);
  }

  loc(l: AstLoc | undefined): SourceLoc | undefined {
    const d = declLoc(l);
    return d === undefined ? undefined : { ...d, file: this.display(d.file) };
  }

  /** The source text of the token at a location (used to see which macro spelled a type). */
  private tokenAt(l: AstLoc | undefined): string | undefined {
    if (l?.file === undefined || l.offset === undefined || l.tokLen === undefined) return undefined;
    return this.fileText(l.file)?.subarray(l.offset, l.offset + l.tokLen).toString('utf8');
  }

  private fileText(file: string): Buffer | undefined {
    if (!this.texts.has(file)) {
      let text: Buffer | undefined;
      try {
        text = fs.readFileSync(file);
      } catch {
        text = undefined;
      }
      this.texts.set(file, text);
    }
    return this.texts.get(file);
  }


  private warn(code: string, path: string, message: string, l: AstLoc | undefined): void {
    this.issues.push(issue(code, path, message, this.loc(l), 'warning'));
  }

  /** A struct or union definition as a model record (converted once per AST node). */
  record(n: AstNode): RecordDecl {
    const known = this.converted.get(n);
    if (known !== undefined) return known;
    const kind = n.tagUsed === 'union' ? 'union' : 'struct';
    const named = n.name !== undefined && n.name !== '';
    const path = named ? `${kind} ${n.name}` : `${kind} <anonymous>`;
    const members: Member[] = [];
    const own = new Map<string, AstNode>();
    let packed = false;
    let aligned: number | undefined;
    let maxFieldAlign: number | undefined;
    for (const c of n.inner ?? []) {
      const unnamed = c.name === undefined || c.name === '';
      if (unnamed && ((c.kind === 'RecordDecl' && c.completeDefinition === true) || (c.kind === 'EnumDecl' && c.inner !== undefined))) {
        const k = positionKey(c.loc);
        if (k !== undefined) own.set(k, c);
      }
      if (c.kind === 'PackedAttr') packed = true;
      else if (c.kind === 'AlignedAttr') {
        aligned = Math.max(aligned ?? 0, this.alignment(c, path));
        this.valueSites.push({ node: c, path, what: 'expression' });
      }
      else if (c.kind === 'MaxFieldAlignmentAttr') {
        maxFieldAlign = this.pragmaPack(n);
        if (maxFieldAlign === undefined) this.warn('IMPORT_UNSUPPORTED', path, '#pragma pack not found in the file that defines it (it is in effect from another file): the layout assumes natural alignment', n.loc);
      }
      else if (c.kind === 'FieldDecl') {
        const m = this.member(c, path, this.fieldScope(own));
        if (m !== undefined) members.push(m);
      }
    }
    const loc = this.loc(n.loc);
    const decl: RecordDecl = {
      kind,
      ...(named ? { name: n.name as string } : {}),
      members,
      ...(packed ? { packed: true } : {}),
      ...(aligned !== undefined ? { aligned } : {}),
      ...(maxFieldAlign !== undefined ? { maxFieldAlign } : {}),
      ...(loc !== undefined ? { loc } : {}),
    };
    this.converted.set(n, decl);
    return decl;
  }

  /**
   * The `#pragma pack` in effect at a record (clang's AST says only that one is): the directives of its
   * file before it, `pack(N)`, `pack(push, N)`, `pack(pop)`, `pack()`, played in order.
   */
  private pragmaPack(n: AstNode): number | undefined {
    const at = n.range?.begin?.expansionLoc ?? n.range?.begin ?? n.loc;
    const text = at?.file !== undefined && at.offset !== undefined ? this.fileText(at.file)?.subarray(0, at.offset).toString('utf8') : undefined;
    if (text === undefined) return undefined;
    const stack: (number | undefined)[] = [];
    let current: number | undefined;
    for (const m of text.matchAll(/^[ \t]*#[ \t]*pragma[ \t]+pack[ \t]*\(([^)]*)\)/gm)) {
      const args = (m[1] as string).split(',').map((a) => a.trim()).filter((a) => a !== '');
      const value = args.find((a) => /^\d+$/.test(a));
      if (args[0] === 'push') {
        stack.push(current);
        if (value !== undefined) current = Number(value);
      } else if (args[0] === 'pop') current = stack.pop();
      else current = value !== undefined ? Number(value) : undefined;
    }
    return current;
  }

  private alignment(attr: AstNode, path: string): number {
    const v = constantValue(attr);
    if (v !== undefined) return Number(v);
    // A bare __attribute__((aligned)) means the target's largest alignment; 16 on every ABI here.
    this.warn('IMPORT_UNSUPPORTED', path, 'aligned without a value is taken as aligned(16)', attr.range?.begin);
    return 16;
  }

  private member(f: AstNode, parent: string, scope: TypeScope): Member | undefined {
    const name = f.name !== undefined && f.name !== '' ? f.name : undefined;
    const path = `${parent}.${name ?? '<anonymous>'}`;
    if (f.type === undefined) return undefined;
    const converted = modelType(f.type.qualType, scope);
    if (typeof converted === 'string') {
      this.issues.push(issue('IMPORT_TYPE', path, converted, this.loc(f.loc)));
      return undefined;
    }
    let type = converted;
    // `__aligned_u64 x` is `__u64 x __attribute__((aligned(8)))` after preprocessing: the written
    // token tells them apart, and the attribute that came with the macro is part of the type then.
    const begin = f.range?.begin;
    const written = begin?.expansionLoc !== undefined ? this.tokenAt(begin.expansionLoc) : undefined;
    const fromMacro = written !== undefined && ALIGNED_64.has(written) && elementOf(type).kind === 'scalar';
    if (fromMacro) type = withElement(type, { kind: 'scalar', name: written as ScalarName });
    let aligned: number | undefined;
    let bits: number | undefined;
    for (const c of f.inner ?? []) {
      if (c.kind === 'AlignedAttr') {
        const sameExpansion = fromMacro && c.range?.begin?.expansionLoc?.offset === begin?.expansionLoc?.offset;
        if (!sameExpansion) {
          aligned = Math.max(aligned ?? 0, this.alignment(c, path));
          this.valueSites.push({ node: c, path, what: 'expression' });
        }
      } else if (c.kind === 'PackedAttr') {
        this.warn('IMPORT_UNSUPPORTED', path, 'packed on a member is not represented; pack the enclosing struct instead', c.range?.begin);
      } else if (c.kind === 'ConstantExpr' && f.isBitfield === true && c.value !== undefined) {
        bits = Number(c.value);
        this.valueSites.push({ node: c, path, what: 'expression' });
      }
    }
    if (f.type.qualType.includes('[')) this.valueSites.push({ node: f, path, what: 'bounds' });
    const loc = this.loc(f.loc);
    return {
      ...(name !== undefined ? { name } : {}),
      type,
      ...(bits !== undefined ? { bits } : {}),
      ...(aligned !== undefined ? { aligned } : {}),
      ...(loc !== undefined ? { loc } : {}),
    };
  }

  /**
   * An enum definition. clang's AST carries the value of each explicit initializer; an enumerator
   * without one is the previous value plus one (C11 6.7.2.2), the first one 0.
   */
  enumeration(n: AstNode): EnumDecl {
    const values: Enumerator[] = [];
    let next = 0n;
    for (const c of children(n, 'EnumConstantDecl')) {
      const value = constantValue(c) ?? next;
      next = value + 1n;
      const loc = this.loc(c.loc);
      values.push({ name: c.name ?? '', value, ...(loc !== undefined ? { loc } : {}) });
    }
    const loc = this.loc(n.loc);
    return {
      kind: 'enum',
      name: n.name ?? '',
      values,
      ...(children(n, 'PackedAttr').length > 0 ? { packed: true } : {}),
      ...(loc !== undefined ? { loc } : {}),
    };
  }

  /** Whether a top-level declaration is written in `file` (as clang spells that file). */
  static isIn(n: AstNode, file: string): boolean {
    return declLoc(n.loc)?.file === file;
  }
}
