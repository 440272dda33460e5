import type { EnumBuilder } from './enum';
import type { Field } from './field';
import type { Anonymous, RecordBuilder, RecordKind, Shape } from './record';

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

type Named<S extends Shape> = { -readonly [K in keyof S as S[K] extends Anonymous<never> ? never : K]: Infer<S[K]> };
type AnonymousParts<S extends Shape> = { [K in keyof S]: S[K] extends Anonymous<infer R> ? Infer<R> : never }[keyof S];
type ShapeValue<S extends Shape> = [AnonymousParts<S>] extends [never] ? Named<S> : Named<S> & UnionToIntersection<AnonymousParts<S>>;

/**
 * The TypeScript type of a value of a DSL type: 8- to 32-bit integers are numbers, 64-bit ones
 * bigints, arrays are arrays, a struct is an object, a union an object with the members one sets.
 * Anonymous members' fields appear at the enclosing level, as in C.
 */
export type Infer<T> =
  T extends Field<infer V> ? V
  : T extends RecordBuilder<infer S, infer K extends RecordKind> ? (K extends 'union' ? Partial<ShapeValue<S>> : ShapeValue<S>)
  : T extends EnumBuilder ? number
  : never;
