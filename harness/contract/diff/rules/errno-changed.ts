import { defineRule } from '../rule';

export const ERRNO_CHANGED = defineRule('ERRNO_CHANGED', 'behavior-break', 'The errno of a failure class changed.');
