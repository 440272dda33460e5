/** Debian suites whose linux-libc-dev carries the kernel uAPI headers of one kernel series. */
export const KERNEL_SUITES = {
  '5.10': 'bullseye',
  '6.1': 'bookworm',
  '6.12': 'trixie',
} as const;

export type KernelSeries = keyof typeof KERNEL_SUITES;

export function isKernelSeries(s: string): s is KernelSeries {
  return Object.prototype.hasOwnProperty.call(KERNEL_SUITES, s);
}

/** Debian's archive and the keyring apt verifies it with (installed by debian-archive-keyring). */
export const DEBIAN_MIRROR = 'http://deb.debian.org/debian';
export const DEBIAN_KEYRING = '/usr/share/keyrings/debian-archive-keyring.gpg';
