import { defineRule } from '../rule';

export const OPCODE_VALUE_CHANGED = defineRule('OPCODE_VALUE_CHANGED', 'value-break', 'An opcode or index has another value.');
