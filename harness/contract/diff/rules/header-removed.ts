import { defineRule } from '../rule';

export const HEADER_REMOVED = defineRule('HEADER_REMOVED', 'abi-break', 'A uAPI header was removed (kernel-tree mode): everything it declared is gone.');
