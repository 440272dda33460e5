import type { TypeNode } from '../model';
import { Field } from './field';
import type { Infer } from './infer';
import { asField, type RecordBuilder, type RecordKind, type Shape } from './record';
import type { EnumBuilder } from './enum';

type Element = Field<unknown> | RecordBuilder<Shape, RecordKind> | EnumBuilder;

/** `T name[length]`; a length of 0 is a flexible (`T name[]`) or zero-length (`T name[0]`) array. */
export function array<E extends Element>(element: E, length: number): Field<Infer<E>[]> {
  const inner = asField(element, 'array element');
  const node: TypeNode = { kind: 'array', element: inner.source.typeNode(), length };
  return new Field<Infer<E>[]>({ typeNode: () => node, dependencies: () => inner.source.dependencies() });
}
