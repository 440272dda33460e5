import { defineRule } from '../rule';

export const ARRAY_EXTENDED = defineRule('ARRAY_EXTENDED', 'compatible', 'A field became a longer array in place (x -> x[2]) over bytes no other field used; the struct size rules judge the growth.');
