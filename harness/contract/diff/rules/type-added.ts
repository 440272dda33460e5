import { defineRule } from '../rule';

export const TYPE_ADDED = defineRule('TYPE_ADDED', 'compatible', 'A struct or union was added.');
