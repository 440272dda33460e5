import type { Abi } from '../layout/abi';
import type { ScalarName } from '../model/model';
import { SCALARS } from '../model/scalars';

/**
 * How one scalar is stored on one ABI: its width, signedness, byte order, and whether JavaScript
 * sees it as a number or a bigint. The values of a codec follow `Infer<>`: integers of 8 to 32 bits
 * are numbers, 64-bit integers are bigints, floating point is a number.
 */
export interface ScalarAccess {
  /** The C spelling, for messages (`__u32`). */
  readonly typeName: string;
  readonly bytes: 1 | 2 | 4 | 8;
  readonly signed: boolean;
  readonly float: boolean;
  readonly littleEndian: boolean;
  /** 64-bit integers are bigints; everything else is a number. */
  readonly bigint: boolean;
  /** Smallest and largest value, as the value kind (number or bigint). */
  readonly min: number | bigint;
  readonly max: number | bigint;
}

function asWidth(n: number): 1 | 2 | 4 | 8 {
  if (n === 1 || n === 2 || n === 4 || n === 8) return n;
  throw new Error(`codec: no ${n}-byte scalar access`);
}

/** An integer access of `bytes` bytes; for enums, pointers and `long` whose width is the ABI's. */
export function integerAccess(typeName: string, bytes: number, signed: boolean, littleEndian: boolean): ScalarAccess {
  const width = asWidth(bytes);
  const bits = BigInt(width * 8);
  const big = width === 8;
  const min = signed ? -(1n << (bits - 1n)) : 0n;
  const max = signed ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
  return {
    typeName, bytes: width, signed, float: false, littleEndian, bigint: big,
    min: big ? min : Number(min), max: big ? max : Number(max),
  };
}

/** The access for a named scalar on `abi` (size, signedness and byte order resolved). */
export function scalarAccess(name: ScalarName, abi: Abi, spelled?: string): ScalarAccess {
  const info = SCALARS[name];
  const littleEndian = info.endian === 'native' ? abi.endian === 'little' : info.endian === 'little';
  const typeName = spelled ?? name;
  if (info.float) {
    const width = asWidth(info.bytes);
    return { typeName, bytes: width, signed: true, float: true, littleEndian, bigint: false, min: -Infinity, max: Infinity };
  }
  const bytes = info.cls === 'long' ? abi.longBytes : info.bytes;
  const signed = info.signed ?? abi.charSigned;
  return integerAccess(typeName, bytes, signed, littleEndian);
}
