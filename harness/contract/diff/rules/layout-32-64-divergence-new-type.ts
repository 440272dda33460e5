import { defineRule } from '../rule';

export const LAYOUT_32_64_DIVERGENCE_NEW_TYPE = defineRule('LAYOUT_32_64_DIVERGENCE_NEW_TYPE', 'hazard', 'A new type an ioctl reaches lays out differently on a 32-bit ABI than on its 64-bit sibling: no old binary uses it, but 32-bit callers on a 64-bit kernel need a compat handler.');
