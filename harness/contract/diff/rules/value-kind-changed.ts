import { defineRule } from '../rule';

export const VALUE_KIND_CHANGED = defineRule('VALUE_KIND_CHANGED', 'info', 'A name moved between #define and enumerator with the same value: nothing a binary sees changed.');
