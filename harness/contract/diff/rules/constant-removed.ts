import { defineRule } from '../rule';

export const CONSTANT_REMOVED = defineRule('CONSTANT_REMOVED', 'source-break', "An integer constant's name disappeared.");
