import { defineRule } from '../rule';

export const TYPE_KIND_CHANGED = defineRule('TYPE_KIND_CHANGED', 'abi-break', 'A struct became a union or the reverse.');
