import { defineRule } from '../rule';

export const FIELD_RETYPED = defineRule('FIELD_RETYPED', 'abi-break', 'A field has another size, type or byte order at the same offset.');
