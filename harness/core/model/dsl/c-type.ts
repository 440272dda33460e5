import { Field } from './field';
import type { TypeNode } from '../model';

/**
 * A field of any model type, for what the DSL has no builder for: pointers and typedef spellings
 * (`size_t`) of imported headers. Generated specs use it; hand-written ones should not need to.
 */
export function cType<V = unknown>(node: TypeNode): Field<V> {
  return new Field<V>({ typeNode: () => node, dependencies: () => [] });
}
