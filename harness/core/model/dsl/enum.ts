import type { EnumDecl, SourceLoc, TypeNode } from '../model';
import { callSite } from './call-site';
import type { TypeSource } from './field';
import type { NamedBuilder } from './named';

export interface EnumOptions {
  readonly packed?: boolean;
  readonly doc?: string;
}

/** `enum name { A = 0, ... }`. Used as a member type it is an enum-typed member (lint rule S6). */
export class EnumBuilder implements TypeSource, NamedBuilder {
  readonly namedKind = 'enum' as const;
  private readonly built: EnumDecl;

  constructor(name: string, values: Readonly<Record<string, number | bigint>>, options: EnumOptions, loc: SourceLoc | undefined) {
    this.built = {
      kind: 'enum',
      name,
      values: Object.entries(values).map(([n, v]) => ({ name: n, value: BigInt(v), ...(loc !== undefined ? { loc } : {}) })),
      ...(options.packed === true ? { packed: true } : {}),
      ...(options.doc !== undefined ? { doc: options.doc } : {}),
      ...(loc !== undefined ? { loc } : {}),
    };
  }

  get name(): string { return this.built.name; }
  decl(): EnumDecl { return this.built; }
  typeNode(): TypeNode { return { kind: 'ref', tag: 'enum', name: this.built.name }; }
  dependencies(): readonly NamedBuilder[] { return [this]; }
}

export function enumeration(name: string, values: Readonly<Record<string, number | bigint>>, options: EnumOptions = {}): EnumBuilder {
  return new EnumBuilder(name, values, options, callSite());
}
