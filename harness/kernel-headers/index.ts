export { fetchKernelHeaders } from './fetch-kernel-headers';
export type { KernelHeaders, FetchOptions } from './fetch-kernel-headers';
export { KERNEL_SUITES, isKernelSeries } from './debian-suites';
export type { KernelSeries } from './debian-suites';
