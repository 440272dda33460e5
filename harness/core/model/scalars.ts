import type { ScalarName } from './model';

/**
 * How a scalar's size and alignment are decided, per ABI:
 * - `fixed`: size = alignment = `bytes` on every ABI (8/16/32-bit integers, float);
 * - `int64`: 8 bytes, aligned as the ABI aligns 64-bit integers inside structs (4 on i386);
 * - `aligned64`: 8 bytes, aligned to 8 everywhere (`__aligned_u64`);
 * - `double`: 8 bytes, aligned as the ABI aligns doubles inside structs;
 * - `long`: the ABI's `long` (4 or 8 bytes).
 */
export type ScalarClass = 'fixed' | 'int64' | 'aligned64' | 'double' | 'long';

export interface ScalarInfo {
  readonly cls: ScalarClass;
  /** Byte size where it does not depend on the ABI. */
  readonly bytes: number;
  /** `null` for plain `char`, whose signedness is the ABI's. */
  readonly signed: boolean | null;
  /** `native` follows the ABI; `__le*`/`__be*` are fixed. */
  readonly endian: 'native' | 'little' | 'big';
  readonly float: boolean;
}

const fixed = (bytes: number, signed: boolean | null, endian: ScalarInfo['endian'] = 'native'): ScalarInfo =>
  ({ cls: 'fixed', bytes, signed, endian, float: false });
const int64 = (signed: boolean, endian: ScalarInfo['endian'] = 'native'): ScalarInfo =>
  ({ cls: 'int64', bytes: 8, signed, endian, float: false });
const aligned64 = (signed: boolean, endian: ScalarInfo['endian'] = 'native'): ScalarInfo =>
  ({ cls: 'aligned64', bytes: 8, signed, endian, float: false });

export const SCALARS: { readonly [N in ScalarName]: ScalarInfo } = {
  __u8: fixed(1, false), __s8: fixed(1, true),
  __u16: fixed(2, false), __s16: fixed(2, true),
  __u32: fixed(4, false), __s32: fixed(4, true),
  __u64: int64(false), __s64: int64(true),
  __le16: fixed(2, false, 'little'), __le32: fixed(4, false, 'little'), __le64: int64(false, 'little'),
  __be16: fixed(2, false, 'big'), __be32: fixed(4, false, 'big'), __be64: int64(false, 'big'),
  __aligned_u64: aligned64(false), __aligned_s64: aligned64(true),
  __aligned_le64: aligned64(false, 'little'), __aligned_be64: aligned64(false, 'big'),
  char: fixed(1, null), 'signed char': fixed(1, true), 'unsigned char': fixed(1, false),
  short: fixed(2, true), 'unsigned short': fixed(2, false),
  int: fixed(4, true), 'unsigned int': fixed(4, false),
  long: { cls: 'long', bytes: 8, signed: true, endian: 'native', float: false },
  'unsigned long': { cls: 'long', bytes: 8, signed: false, endian: 'native', float: false },
  'long long': int64(true), 'unsigned long long': int64(false),
  _Bool: fixed(1, false),
  float: { cls: 'fixed', bytes: 4, signed: true, endian: 'native', float: true },
  double: { cls: 'double', bytes: 8, signed: true, endian: 'native', float: true },
  __int128: { cls: 'fixed', bytes: 16, signed: true, endian: 'native', float: false },
  'unsigned __int128': { cls: 'fixed', bytes: 16, signed: false, endian: 'native', float: false },
};

export function isScalarName(name: string): name is ScalarName {
  return Object.prototype.hasOwnProperty.call(SCALARS, name);
}
