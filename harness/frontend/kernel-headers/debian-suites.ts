/** Debian suites whose linux-libc-dev carries the kernel uAPI headers of one kernel series. */
export const KERNEL_SUITES = {
  '5.10': 'bullseye',
  '6.1': 'bookworm',
  '6.12': 'trixie',
  '7.2': 'sid',
} as const;

export type KernelSeries = keyof typeof KERNEL_SUITES;

export function isKernelSeries(s: string): s is KernelSeries {
  return Object.prototype.hasOwnProperty.call(KERNEL_SUITES, s);
}

/**
 * The exact linux-libc-dev of each series that judged data was read from (the real-history corpus):
 * a judgment holds for one header text, so these are fetched by version, never "the newest".
 */
export const PINNED_VERSIONS: Readonly<Record<KernelSeries, string>> = {
  '5.10': '5.10.223-1',
  '6.1': '6.1.176-1',
  '6.12': '6.12.117-1',
  '7.2': '7.2.13-1',
};

/**
 * Debian architectures whose own linux-libc-dev is merged into one multiarch tree, for suites whose
 * package is per architecture (before trixie; from trixie on one `all` package carries every
 * architecture's asm/). Each lands in `usr/include/<triple>/asm` beside the others. Neither suite has
 * riscv64 (an official architecture only from trixie) or m68k (a port): those ABIs get no real asm/.
 */
export const PER_ARCH_PACKAGES: Readonly<Partial<Record<KernelSeries, readonly string[]>>> = {
  '5.10': ['amd64', 'i386', 'arm64', 'armhf', 'ppc64el', 's390x', 'mipsel'],
  '6.1': ['amd64', 'i386', 'arm64', 'armhf', 'ppc64el', 's390x', 'mipsel'],
};

/**
 * Multiarch folders a per-architecture package leaves out but an ABI looks for, filled from another
 * architecture's folder of the same kernel architecture: big-endian mips (`mips-linux-gnu`, dropped by
 * Debian before bullseye) has the asm/ of mipsel, as the later `all` packages show (their
 * mips-linux-gnu and mipsel-linux-gnu folders are identical; both are arch/mips's uAPI).
 */
export const MULTIARCH_ALIASES: Readonly<Record<string, string>> = {
  'mips-linux-gnu': 'mipsel-linux-gnu',
};

/** Architectures of the 8 default ABIs that no per-architecture package of these suites provides. */
export const NO_PACKAGE_ARCHITECTURES: readonly string[] = ['riscv64'];

/** Debian's archive and the keyring apt verifies it with (installed by debian-archive-keyring). */
export const DEBIAN_MIRROR = 'http://deb.debian.org/debian';
export const DEBIAN_KEYRING = '/usr/share/keyrings/debian-archive-keyring.gpg';
