import { defineRule } from '../rule';

export const OPCODE_ADDED = defineRule('OPCODE_ADDED', 'compatible', 'A value (opcode, index) was added to a value group.');
