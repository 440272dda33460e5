import { defineRule } from '../rule';

export const FLAG_MASK_WIDENED = defineRule('FLAG_MASK_WIDENED', 'compatible', 'An all-valid-flags mask gained bits (flags were added) and kept every old bit.');
