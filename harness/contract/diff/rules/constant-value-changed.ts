import { defineRule } from '../rule';

export const CONSTANT_VALUE_CHANGED = defineRule('CONSTANT_VALUE_CHANGED', 'value-break', 'An exported integer constant has another value: binaries built with the old one now pass something else.');
