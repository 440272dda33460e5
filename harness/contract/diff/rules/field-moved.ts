import { defineRule } from '../rule';

export const FIELD_MOVED = defineRule('FIELD_MOVED', 'abi-break', 'A field is at another offset.');
