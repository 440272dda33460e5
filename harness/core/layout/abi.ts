/** ioctl request encodings: how `_IOC(dir, type, nr, size)` packs its fields per arch family. */
export type IoctlFamily = 'generic' | 'powerpc' | 'mips' | 'sparc' | 'parisc';

export interface Abi {
  /** Contract name (design doc): x86_64, i386, aarch64, arm, riscv64, ppc64le, s390x, mips, m68k. */
  readonly name: string;
  /** clang `--target=` triple. */
  readonly triple: string;
  readonly endian: 'little' | 'big';
  readonly longBytes: 4 | 8;
  readonly pointerBytes: 4 | 8;
  /** Alignment of `__u64`/`long long` inside structs (4 on i386, 2 on m68k). */
  readonly int64Align: number;
  /** Alignment of `double` inside structs. */
  readonly doubleAlign: number;
  /** Cap on the alignment of any scalar wider than it (m68k aligns everything to at most 2). */
  readonly maxScalarAlign: number;
  readonly charSigned: boolean;
  readonly ioctl: IoctlFamily;
  /**
   * AAPCS (arm, aarch64): the declared type of an unnamed or zero-width bit-field counts towards
   * the alignment of the enclosing struct or union, as for a named one; System V ABIs ignore it.
   */
  readonly unnamedBitFieldsAlign?: boolean;
}

const abi = (a: Abi): Abi => a;

/** The ABIs of the design doc's table (contract names), in its order, plus m68k as an extra. */
export const ABIS: readonly Abi[] = [
  abi({ name: 'x86_64', triple: 'x86_64-linux-gnu', endian: 'little', longBytes: 8, pointerBytes: 8, int64Align: 8, doubleAlign: 8, maxScalarAlign: 16, charSigned: true, ioctl: 'generic' }),
  abi({ name: 'i386', triple: 'i386-linux-gnu', endian: 'little', longBytes: 4, pointerBytes: 4, int64Align: 4, doubleAlign: 4, maxScalarAlign: 16, charSigned: true, ioctl: 'generic' }),
  abi({ name: 'aarch64', triple: 'aarch64-linux-gnu', endian: 'little', longBytes: 8, pointerBytes: 8, int64Align: 8, doubleAlign: 8, maxScalarAlign: 16, charSigned: false, ioctl: 'generic', unnamedBitFieldsAlign: true }),
  abi({ name: 'arm', triple: 'armv7a-linux-gnueabihf', endian: 'little', longBytes: 4, pointerBytes: 4, int64Align: 8, doubleAlign: 8, maxScalarAlign: 16, charSigned: false, ioctl: 'generic', unnamedBitFieldsAlign: true }),
  abi({ name: 'riscv64', triple: 'riscv64-linux-gnu', endian: 'little', longBytes: 8, pointerBytes: 8, int64Align: 8, doubleAlign: 8, maxScalarAlign: 16, charSigned: false, ioctl: 'generic' }),
  abi({ name: 'ppc64le', triple: 'powerpc64le-linux-gnu', endian: 'little', longBytes: 8, pointerBytes: 8, int64Align: 8, doubleAlign: 8, maxScalarAlign: 16, charSigned: false, ioctl: 'powerpc' }),
  abi({ name: 's390x', triple: 's390x-linux-gnu', endian: 'big', longBytes: 8, pointerBytes: 8, int64Align: 8, doubleAlign: 8, maxScalarAlign: 16, charSigned: false, ioctl: 'generic' }),
  abi({ name: 'mips', triple: 'mips-linux-gnu', endian: 'big', longBytes: 4, pointerBytes: 4, int64Align: 8, doubleAlign: 8, maxScalarAlign: 16, charSigned: true, ioctl: 'mips' }),
  abi({ name: 'm68k', triple: 'm68k-linux-gnu', endian: 'big', longBytes: 4, pointerBytes: 4, int64Align: 2, doubleAlign: 2, maxScalarAlign: 2, charSigned: true, ioctl: 'generic' }),
];

/** The eight ABIs every golden and every `--abi all` covers. m68k is available by name. */
export const DEFAULT_ABI_NAMES: readonly string[] = ['x86_64', 'i386', 'aarch64', 'arm', 'riscv64', 'ppc64le', 's390x', 'mips'];

const byName = new Map(ABIS.map((a) => [a.name, a]));

export function findAbi(name: string): Abi | undefined {
  return byName.get(name);
}

export function abiNames(): readonly string[] {
  return ABIS.map((a) => a.name);
}

/** Parses `--abi` values: `all`, or a comma list of names. Unknown names are returned separately. */
export function parseAbiList(value: string | undefined): { abis: readonly Abi[]; unknown: readonly string[] } {
  if (value === undefined || value === 'all') {
    return { abis: DEFAULT_ABI_NAMES.map((n) => byName.get(n) as Abi), unknown: [] };
  }
  const abis: Abi[] = [];
  const unknown: string[] = [];
  for (const raw of value.split(',')) {
    const n = raw.trim();
    if (n === '') continue;
    const a = byName.get(n);
    if (a === undefined) unknown.push(n);
    else if (!abis.includes(a)) abis.push(a);
  }
  return { abis, unknown };
}
