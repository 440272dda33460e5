import { defineRule } from '../rule';

export const HEADER_ADDED = defineRule('HEADER_ADDED', 'compatible', 'A uAPI header was added (kernel-tree mode).');
