import { defineRule } from '../rule';

export const ENUMERATOR_VALUE_CHANGED = defineRule('ENUMERATOR_VALUE_CHANGED', 'value-break', 'An enumerator has another value.');
