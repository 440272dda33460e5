import { defineRule } from '../rule';

export const STRUCT_GROWN_SIZE_FIELD = defineRule('STRUCT_GROWN_SIZE_FIELD', 'hazard', "A type that carries its own size (a size/argsz field) grew at its end: compatible when the kernel reads only the caller's size, as the convention is.");
