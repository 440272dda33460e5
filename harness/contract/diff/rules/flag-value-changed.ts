import { defineRule } from '../rule';

export const FLAG_VALUE_CHANGED = defineRule('FLAG_VALUE_CHANGED', 'value-break', 'A flag has another bit.');
