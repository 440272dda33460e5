import { defineRule } from '../rule';

export const STRUCT_SIZE_CHANGED = defineRule('STRUCT_SIZE_CHANGED', 'abi-break', 'The size of a type changed where no size-tolerant dispatch covers it.');
