import { defineRule } from '../rule';

export const FIELD_SIGNEDNESS_CHANGED = defineRule('FIELD_SIGNEDNESS_CHANGED', 'abi-break', 'A field changed between signed and unsigned at the same size and offset.');
