import { defineRule } from '../rule';

export const ENUMERATOR_APPENDED = defineRule('ENUMERATOR_APPENDED', 'compatible', 'An enumerator was added after the existing ones.');
