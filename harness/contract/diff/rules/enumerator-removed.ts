import { defineRule } from '../rule';

export const ENUMERATOR_REMOVED = defineRule('ENUMERATOR_REMOVED', 'value-break', 'An enumerator disappeared.');
