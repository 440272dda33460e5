import { defineRule } from '../rule';

export const FLAG_ADDED = defineRule('FLAG_ADDED', 'compatible', 'A flag bit was added.');
