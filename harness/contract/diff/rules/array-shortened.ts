import { defineRule } from '../rule';

export const ARRAY_SHORTENED = defineRule('ARRAY_SHORTENED', 'hazard', 'An array became shorter at the same offset and its freed tail holds new fields: old binaries that used the dropped elements now set or read those fields.');
