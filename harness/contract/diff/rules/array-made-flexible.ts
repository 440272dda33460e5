import { defineRule } from '../rule';

export const ARRAY_MADE_FLEXIBLE = defineRule('ARRAY_MADE_FLEXIBLE', 'compatible', 'A fixed-length array became a flexible (or zero-length) array of the same element type at the same offset, as the kernel turns one-element arrays into flexible ones: the elements keep their bytes; a change of the type\'s size is reported on its own.');
