import { defineRule } from '../rule';

export const OPCODE_PAYLOAD_CHANGED = defineRule('OPCODE_PAYLOAD_CHANGED', 'abi-break', 'An opcode now selects a payload type with another layout.');
