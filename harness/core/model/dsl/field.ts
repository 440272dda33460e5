import type { Direction, FieldAnnotations, ScalarName, SourceLoc, TypeNode, UserPointerAnnotation } from '../model';
import { callSite } from './call-site';
import type { NamedBuilder } from './named';

/** What a field's type needs to provide: its node, and the named declarations it pulls in. */
export interface TypeSource {
  typeNode(): TypeNode;
  dependencies(): readonly NamedBuilder[];
}

interface FieldState {
  readonly annotations: FieldAnnotations;
  readonly bits?: number;
  readonly aligned?: number;
  readonly doc?: string;
  readonly loc?: SourceLoc;
}

/**
 * A field of a struct or union: a type plus annotations. Immutable: each annotation method returns a
 * new field, so `u32` can be shared by every spec. `V` is the TypeScript type of the field's value.
 */
export class Field<V> {
  declare readonly _value: V;
  readonly source: TypeSource;
  readonly state: FieldState;

  constructor(source: TypeSource, state: FieldState = { annotations: {} }) {
    this.source = source;
    this.state = state;
  }

  private with(change: Partial<FieldState>): Field<V> {
    const loc = this.state.loc ?? callSite();
    return new Field<V>(this.source, { ...this.state, ...change, ...(loc !== undefined ? { loc } : {}) });
  }
  private annotate(a: FieldAnnotations): Field<V> {
    return this.with({ annotations: { ...this.state.annotations, ...a } });
  }

  /** Padding: must be zero in, is zero out. */
  pad(): Field<V> { return this.annotate({ role: 'pad' }); }
  /** Reserved for future use: must be zero in, is zero out. */
  reserved(): Field<V> { return this.annotate({ role: 'reserved' }); }
  /** Only the bits of flag group `group` may be set. */
  flags(group: string): Field<V> { return this.annotate({ flags: group }); }
  /** Only the values of enum or value group `set` are accepted. */
  oneOf(set: string): Field<V> { return this.annotate({ oneOf: set }); }
  /** A per-fd handle of kind `kind`. */
  handle(kind: string): Field<V> { return this.annotate({ handle: kind }); }
  /** A `__u64` carrying a user pointer. */
  userPointer(p: UserPointerAnnotation = {}): Field<V> { return this.annotate({ userPointer: p }); }
  /** Holds sizeof the caller's struct (extensible by size). */
  sizeOfStruct(): Field<V> { return this.annotate({ sizeOfStruct: true }); }
  dir(d: Direction): Field<V> { return this.annotate({ dir: d }); }
  in(): Field<V> { return this.dir('in'); }
  out(): Field<V> { return this.dir('out'); }
  inout(): Field<V> { return this.dir('inout'); }
  /** A bit-field of `n` bits (lint rule S6 rejects these in a uAPI). */
  bits(n: number): Field<V> { return this.with({ bits: n }); }
  /** `__attribute__((aligned(n)))` on the member. */
  aligned(n: number): Field<V> { return this.with({ aligned: n }); }
  doc(text: string): Field<V> { return this.with({ doc: text }); }
}

export function scalarSource(name: ScalarName): TypeSource {
  const node: TypeNode = { kind: 'scalar', name };
  return { typeNode: () => node, dependencies: () => [] };
}
