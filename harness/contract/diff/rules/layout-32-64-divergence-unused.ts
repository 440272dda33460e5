import { defineRule } from '../rule';

export const LAYOUT_32_64_DIVERGENCE_UNUSED = defineRule('LAYOUT_32_64_DIVERGENCE_UNUSED', 'info', 'A type no ioctl reaches differs between a 32-bit ABI and its 64-bit sibling.');
