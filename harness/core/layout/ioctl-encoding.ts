import type { IoctlDir } from '../model/model';
import type { IoctlFamily } from './abi';

/** Field widths and direction values of `_IOC()` per arch family (design doc table). */
export interface IoctlEncoding {
  readonly nrBits: number;
  readonly typeBits: number;
  readonly sizeBits: number;
  readonly dirBits: number;
  readonly none: number;
  readonly write: number;
  readonly read: number;
}

const GENERIC: IoctlEncoding = { nrBits: 8, typeBits: 8, sizeBits: 14, dirBits: 2, none: 0, write: 1, read: 2 };
const POWERPC: IoctlEncoding = { nrBits: 8, typeBits: 8, sizeBits: 13, dirBits: 3, none: 1, write: 4, read: 2 };
const PARISC: IoctlEncoding = { nrBits: 8, typeBits: 8, sizeBits: 14, dirBits: 2, none: 0, write: 2, read: 1 };

export const IOCTL_ENCODINGS: { readonly [F in IoctlFamily]: IoctlEncoding } = {
  generic: GENERIC,
  powerpc: POWERPC,
  mips: POWERPC,
  sparc: POWERPC,
  parisc: PARISC,
};

/**
 * Where each field of a request number sits for one family: shifts and masks, computed once. The one
 * description of the layout of a request number: {@link encodeRequest} and {@link decodeRequest} use
 * it, and so does the emulator's kernel entry, which reads the fields on its hot path directly.
 */
export interface RequestFields {
  readonly nrMask: number;
  readonly typeShift: number;
  readonly typeMask: number;
  readonly sizeShift: number;
  readonly sizeMask: number;
  readonly dirShift: number;
  readonly dirMask: number;
  readonly encoding: IoctlEncoding;
}

function fieldsOf(e: IoctlEncoding): RequestFields {
  const sizeShift = e.nrBits + e.typeBits;
  return {
    nrMask: (1 << e.nrBits) - 1,
    typeShift: e.nrBits,
    typeMask: (1 << e.typeBits) - 1,
    sizeShift,
    sizeMask: (1 << e.sizeBits) - 1,
    dirShift: sizeShift + e.sizeBits,
    dirMask: (1 << e.dirBits) - 1,
    encoding: e,
  };
}

export const REQUEST_FIELDS = Object.fromEntries(
  (Object.keys(IOCTL_ENCODINGS) as IoctlFamily[]).map((f) => [f, fieldsOf(IOCTL_ENCODINGS[f])]),
) as { readonly [F in IoctlFamily]: RequestFields };

function dirBits(e: IoctlEncoding, dir: IoctlDir): number {
  switch (dir) {
    case 'none': return e.none;
    case 'w': return e.write;
    case 'r': return e.read;
    case 'rw': return e.read | e.write;
  }
}

/**
 * `_IOC(dir, type, nr, size)` as the C macro computes it, as an unsigned 32-bit number. A size too
 * large for the size field spills into the direction bits exactly as in C (lint rule S9 reports it).
 */
export function encodeRequest(family: IoctlFamily, dir: IoctlDir, type: number, nr: number, size: number): number {
  const f = REQUEST_FIELDS[family];
  return ((dirBits(f.encoding, dir) << f.dirShift) | (size << f.sizeShift) | (type << f.typeShift) | nr) >>> 0;
}

export interface DecodedRequest {
  readonly dir: IoctlDir | undefined;
  readonly type: number;
  readonly nr: number;
  readonly size: number;
}

/** The inverse of {@link encodeRequest}: `_IOC_DIR`, `_IOC_TYPE`, `_IOC_NR`, `_IOC_SIZE`. */
export function decodeRequest(family: IoctlFamily, request: number): DecodedRequest {
  const f = REQUEST_FIELDS[family];
  const e = f.encoding;
  const d = (request >>> f.dirShift) & f.dirMask;
  const dir: IoctlDir | undefined =
    d === e.none ? 'none' : d === e.write ? 'w' : d === e.read ? 'r' : d === (e.read | e.write) ? 'rw' : undefined;
  return {
    dir,
    type: (request >>> f.typeShift) & f.typeMask,
    nr: request & f.nrMask,
    size: (request >>> f.sizeShift) & f.sizeMask,
  };
}

/** The largest argument size the family's size field can hold. */
export function maxIoctlSize(family: IoctlFamily): number {
  return (1 << IOCTL_ENCODINGS[family].sizeBits) - 1;
}
