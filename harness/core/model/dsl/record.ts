import type { LintWaiver, Member, RecordDecl, SourceLoc, TypeNode } from '../model';
import { callSite } from './call-site';
import { Field, type TypeSource } from './field';
import type { NamedBuilder } from './named';
import { EnumBuilder } from './enum';
import { described, DslError } from './dsl-error';

/** Anything that can stand as a member in a struct/union shape. */
export type MemberInput = Field<unknown> | RecordBuilder<Shape, RecordKind> | EnumBuilder | Anonymous<RecordBuilder<Shape, RecordKind>>;
export type Shape = { readonly [name: string]: MemberInput };
export type RecordKind = 'struct' | 'union';

export interface RecordOptions {
  readonly packed?: boolean;
  readonly aligned?: number;
  /** `#pragma pack(N)` in effect where the type is defined: no member is aligned more than N. */
  readonly maxFieldAlign?: number;
  /** Lint rules switched off for this type, each with the reason a reviewer reads. */
  readonly lintWaivers?: readonly LintWaiver[];
  readonly doc?: string;
}

/** Marks an anonymous member: its fields are named at the enclosing level, as C allows. */
export class Anonymous<R extends RecordBuilder<Shape, RecordKind>> {
  readonly record: R;
  readonly loc: SourceLoc | undefined;
  constructor(record: R, loc: SourceLoc | undefined) {
    this.record = record;
    this.loc = loc;
  }
}

/**
 * Turns a type-like input (field, record, enum) into the field that carries it. Anything else (a
 * JavaScript spec, or a cast, can pass any value) is a {@link DslError} naming `what` was expected there.
 */
export function asField(input: Field<unknown> | RecordBuilder<Shape, RecordKind> | EnumBuilder, what = 'a type', loc: SourceLoc | undefined = callSite()): Field<unknown> {
  if (input instanceof Field) return input;
  if (input instanceof RecordBuilder || input instanceof EnumBuilder) return new Field<unknown>(input);
  throw new DslError(what, `expected a field type (u32, array(...), a struct, union or enumeration), got ${described(input)}`, loc);
}

function memberOf(owner: string, name: string, input: MemberInput, fallbackLoc: SourceLoc | undefined): Member {
  if (input instanceof Anonymous) {
    const loc = input.loc ?? fallbackLoc;
    return { type: input.record.typeNode(), ...(loc !== undefined ? { loc } : {}) };
  }
  const f = asField(input, `${owner}.${name}`, fallbackLoc);
  const s = f.state;
  const loc = s.loc ?? fallbackLoc;
  const hasAnnotations = Object.keys(s.annotations).length > 0;
  return {
    name,
    type: f.source.typeNode(),
    ...(s.bits !== undefined ? { bits: s.bits } : {}),
    ...(s.aligned !== undefined ? { aligned: s.aligned } : {}),
    ...(hasAnnotations ? { annotations: s.annotations } : {}),
    ...(s.doc !== undefined ? { doc: s.doc } : {}),
    ...(loc !== undefined ? { loc } : {}),
  };
}

function dependenciesOf(subject: string, input: MemberInput, loc: SourceLoc | undefined): readonly NamedBuilder[] {
  if (input instanceof Anonymous) return input.record.dependencies();
  return asField(input, subject, loc).source.dependencies();
}

/**
 * A struct or union declaration. Named records are emitted once at top level and referenced by name
 * where used; anonymous ones are inlined.
 */
export class RecordBuilder<S extends Shape, K extends RecordKind> implements TypeSource, NamedBuilder {
  declare readonly _kind: K;
  readonly namedKind = 'record' as const;
  readonly kind: K;
  readonly name: string | undefined;
  readonly shape: S;
  readonly options: RecordOptions;
  readonly loc: SourceLoc | undefined;
  private cached: RecordDecl | undefined;

  constructor(kind: K, name: string | undefined, shape: S, options: RecordOptions, loc: SourceLoc | undefined) {
    this.kind = kind;
    this.name = name;
    this.shape = shape;
    this.options = options;
    this.loc = loc;
  }

  decl(): RecordDecl {
    if (this.cached !== undefined) return this.cached;
    const o = this.options;
    this.cached = {
      kind: this.kind,
      ...(this.name !== undefined ? { name: this.name } : {}),
      members: Object.entries(this.shape).map(([n, m]) => memberOf(`${this.kind} ${this.name ?? '<anonymous>'}`, n, m, this.loc)),
      ...(o.packed === true ? { packed: true } : {}),
      ...(o.aligned !== undefined ? { aligned: o.aligned } : {}),
      ...(o.maxFieldAlign !== undefined ? { maxFieldAlign: o.maxFieldAlign } : {}),
      ...(o.lintWaivers !== undefined ? { lintWaivers: o.lintWaivers } : {}),
      ...(o.doc !== undefined ? { doc: o.doc } : {}),
      ...(this.loc !== undefined ? { loc: this.loc } : {}),
    };
    return this.cached;
  }

  typeNode(): TypeNode {
    return this.name !== undefined
      ? { kind: 'ref', tag: this.kind, name: this.name }
      : { kind: 'record', record: this.decl() };
  }

  /** For a named record, itself; for an anonymous one, what its members pull in. */
  dependencies(): readonly NamedBuilder[] {
    return this.name !== undefined ? [this] : this.memberDependencies();
  }

  memberDependencies(): readonly NamedBuilder[] {
    return Object.entries(this.shape).flatMap(([n, m]) => dependenciesOf(`${this.kind} ${this.name ?? '<anonymous>'}.${n}`, m, this.loc));
  }
}

type Args<S> = [name: string, shape: S, options?: RecordOptions] | [shape: S, options?: RecordOptions];

function build<S extends Shape, K extends RecordKind>(kind: K, args: Args<S>): RecordBuilder<S, K> {
  const loc = callSite();
  const given: unknown = typeof args[0] === 'string' ? args[1] : args[0];
  if (given === null || typeof given !== 'object' || Array.isArray(given)) {
    throw new DslError(`${kind}${typeof args[0] === 'string' ? ` ${args[0]}` : ''}`, `the members are an object {name: type, ...}, got ${described(given)}`, loc);
  }
  if (typeof args[0] === 'string') {
    const [name, shape, options] = args as [string, S, RecordOptions?];
    return new RecordBuilder(kind, name, shape, options ?? {}, loc);
  }
  const [shape, options] = args as [S, RecordOptions?];
  return new RecordBuilder(kind, undefined, shape, options ?? {}, loc);
}

/** `struct name { ... }`, or an anonymous struct type when no name is given. */
export function struct<S extends Shape>(...args: Args<S>): RecordBuilder<S, 'struct'> {
  return build('struct', args);
}

/** `union name { ... }`, or an anonymous union type when no name is given. */
export function union<S extends Shape>(...args: Args<S>): RecordBuilder<S, 'union'> {
  return build('union', args);
}

/** An anonymous member (`union { ... };` inside a struct). Its key in the shape is only a label. */
export function anonymous<R extends RecordBuilder<Shape, RecordKind>>(record: R): Anonymous<R> {
  return new Anonymous(record, callSite());
}
