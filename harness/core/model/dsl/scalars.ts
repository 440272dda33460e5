import type { ScalarName } from '../model';
import { Field, scalarSource } from './field';

const scalar = <V>(name: ScalarName): Field<V> => new Field<V>(scalarSource(name));

export const u8 = scalar<number>('__u8');
export const s8 = scalar<number>('__s8');
export const u16 = scalar<number>('__u16');
export const s16 = scalar<number>('__s16');
export const u32 = scalar<number>('__u32');
export const s32 = scalar<number>('__s32');
export const u64 = scalar<bigint>('__u64');
export const s64 = scalar<bigint>('__s64');
export const le16 = scalar<number>('__le16');
export const le32 = scalar<number>('__le32');
export const le64 = scalar<bigint>('__le64');
export const be16 = scalar<number>('__be16');
export const be32 = scalar<number>('__be32');
export const be64 = scalar<bigint>('__be64');
export const alignedU64 = scalar<bigint>('__aligned_u64');
export const alignedS64 = scalar<bigint>('__aligned_s64');
export const alignedLe64 = scalar<bigint>('__aligned_le64');
export const alignedBe64 = scalar<bigint>('__aligned_be64');

/** A plain C scalar (`int`, `long`, ...): lint rule S1 flags these; they exist to describe real headers. */
export function cScalar<V extends number | bigint = number>(name: ScalarName): Field<V> {
  return scalar<V>(name);
}
