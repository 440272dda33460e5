import { defineRule } from '../rule';

export const PAD_GIVEN_MEANING = defineRule('PAD_GIVEN_MEANING', 'compatible', 'A pad or reserved region (must be zero) was given a meaning at the same bytes.');
