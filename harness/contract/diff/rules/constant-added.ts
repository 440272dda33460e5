import { defineRule } from '../rule';

export const CONSTANT_ADDED = defineRule('CONSTANT_ADDED', 'compatible', 'An integer constant was added.');
