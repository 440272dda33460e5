import { defineRule } from '../rule';

export const STRUCT_GROWN_AT_END = defineRule('STRUCT_GROWN_AT_END', 'compatible', "A type grew at its end and every use of it is size-tolerant (size-extensible ioctl argument or a payload clamped to the caller's size).");
