export { fetchKernelHeaders } from './fetch-kernel-headers';
export type { KernelHeaders, FetchOptions } from './fetch-kernel-headers';
export { fetchPinnedKernelHeaders } from './fetch-pinned-headers';
export type { FetchedPackage, PinnedFetchOptions, PinnedKernelHeaders } from './fetch-pinned-headers';
export { KERNEL_SUITES, PINNED_VERSIONS, isKernelSeries } from './debian-suites';
export type { KernelSeries } from './debian-suites';
export { fetchKernelSource } from './fetch-kernel-source';
export type { KernelSource } from './fetch-kernel-source';
