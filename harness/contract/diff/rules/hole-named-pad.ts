import { defineRule } from '../rule';

export const HOLE_NAMED_PAD = defineRule('HOLE_NAMED_PAD', 'compatible', 'Former implicit padding is now an explicit pad or reserved field: the same bytes, still without a meaning, at the same offsets; the layout is only written out (the kernel starting to reject non-zero there would be a driver change no header shows).');
