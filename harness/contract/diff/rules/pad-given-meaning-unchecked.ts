import { defineRule } from '../rule';

export const PAD_GIVEN_MEANING_UNCHECKED = defineRule('PAD_GIVEN_MEANING_UNCHECKED', 'hazard', 'Reserved bytes the kernel reads got a meaning, but nothing shows old kernels rejected non-zero there: old binaries that left garbage now pass a value.');
