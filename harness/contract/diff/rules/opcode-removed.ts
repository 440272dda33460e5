import { defineRule } from '../rule';

export const OPCODE_REMOVED = defineRule('OPCODE_REMOVED', 'value-break', 'A value (opcode, index) was removed from its group.');
