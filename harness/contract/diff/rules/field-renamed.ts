import { defineRule } from '../rule';

export const FIELD_RENAMED = defineRule('FIELD_RENAMED', 'source-break', 'A field of the same type at the same bytes has a new name.');
