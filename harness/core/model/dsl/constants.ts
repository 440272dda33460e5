import type { ConstantDecl, GroupDecl, SourceLoc } from '../model';
import { callSite } from './call-site';
import type { NamedBuilder } from './named';
import type { RecordBuilder, RecordKind, Shape } from './record';

/** A value-group member that selects a payload type (an INFO opcode and the struct it returns). */
export interface ValueWithPayload {
  readonly value: number | bigint;
  readonly payload?: RecordBuilder<Shape, RecordKind>;
  readonly doc?: string;
}
type ConstantInput = number | bigint | ValueWithPayload;

/** A set of `#define`d integer constants, optionally forming a flag or value group. */
export class ConstantsBuilder {
  readonly constants: readonly ConstantDecl[];
  readonly group: GroupDecl | undefined;
  private readonly payloads: readonly NamedBuilder[];

  constructor(group: GroupDecl | undefined, values: Readonly<Record<string, ConstantInput>>, loc: SourceLoc | undefined) {
    this.group = group;
    const payloads: NamedBuilder[] = [];
    this.constants = Object.entries(values).map(([name, input]): ConstantDecl => {
      const v = typeof input === 'object' ? input : { value: input };
      if (v.payload !== undefined) payloads.push(...v.payload.dependencies());
      return {
        kind: 'constant',
        name,
        value: BigInt(v.value),
        ...(group !== undefined ? { group: group.name } : {}),
        ...(v.payload?.name !== undefined ? { payload: v.payload.name } : {}),
        ...(v.doc !== undefined ? { doc: v.doc } : {}),
        ...(loc !== undefined ? { loc } : {}),
      };
    });
    this.payloads = payloads;
  }

  dependencies(): readonly NamedBuilder[] { return this.payloads; }

  /** The value of one member, for use in other declarations of the same spec. */
  valueOf(name: string): bigint {
    const c = this.constants.find((x) => x.name === name);
    if (c === undefined) throw new Error(`constant ${name} is not in this set`);
    return c.value;
  }
}

function grouped(of: GroupDecl['of'], name: string, doc: string | undefined, loc: SourceLoc | undefined): GroupDecl {
  return { kind: 'group', name, of, ...(doc !== undefined ? { doc } : {}), ...(loc !== undefined ? { loc } : {}) };
}

/** Ungrouped `#define NAME value` constants. */
export function constants(values: Readonly<Record<string, number | bigint>>): ConstantsBuilder {
  return new ConstantsBuilder(undefined, values, callSite());
}

/** A flag group: each member is a bit mask; a field annotated `.flags(name)` accepts only their union. */
export function flags(name: string, values: Readonly<Record<string, number | bigint | { readonly value: number | bigint; readonly doc?: string }>>, doc?: string): ConstantsBuilder {
  const loc = callSite();
  return new ConstantsBuilder(grouped('flags', name, doc, loc), values, loc);
}

/** A value group (opcodes, indices): a field annotated `.oneOf(name)` accepts only these values. */
export function values(name: string, members: Readonly<Record<string, ConstantInput>>, doc?: string): ConstantsBuilder {
  const loc = callSite();
  return new ConstantsBuilder(grouped('values', name, doc, loc), members, loc);
}

/** `1 << n` as a bigint, for flag masks up to bit 63. */
export function bit(n: number): bigint {
  return 1n << BigInt(n);
}
