import { defineRule } from '../rule';

export const STRUCT_ALIGN_CHANGED = defineRule('STRUCT_ALIGN_CHANGED', 'abi-break', 'The alignment of a type changed, so every type embedding it may move.');
