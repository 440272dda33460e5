import { defineRule } from '../rule';

export const FLAG_REMOVED = defineRule('FLAG_REMOVED', 'value-break', 'A flag bit was removed: old callers setting it are now rejected or misread.');
