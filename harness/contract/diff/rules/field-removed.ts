import { defineRule } from '../rule';

export const FIELD_REMOVED = defineRule('FIELD_REMOVED', 'abi-break', 'A field disappeared and nothing of the same type took its bytes.');
