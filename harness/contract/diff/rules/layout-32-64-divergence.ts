import { defineRule } from '../rule';

export const LAYOUT_32_64_DIVERGENCE = defineRule('LAYOUT_32_64_DIVERGENCE', 'abi-break', 'A type an ioctl reaches has a different layout on a 32-bit ABI than on its 64-bit sibling (i386/x86_64, arm/aarch64): a compat_ioctl hazard.');
