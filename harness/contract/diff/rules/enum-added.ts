import { defineRule } from '../rule';

export const ENUM_ADDED = defineRule('ENUM_ADDED', 'compatible', 'An enum was added.');
