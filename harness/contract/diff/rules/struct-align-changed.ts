import { defineRule } from '../rule';

export const STRUCT_ALIGN_CHANGED = defineRule('STRUCT_ALIGN_CHANGED', 'info', 'The alignment of a type changed; a move it causes where the type is embedded is reported there.');
