import { defineRule } from '../rule';

export const FIELD_APPENDED = defineRule('FIELD_APPENDED', 'compatible', 'A new field was added beyond the old end of the type.');
