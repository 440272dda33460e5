import { defineRule } from '../rule';

export const STRUCT_GROWN_NOT_CARRIED = defineRule('STRUCT_GROWN_NOT_CARRIED', 'hazard', 'A type no ioctl of the header carries (a syscall argument, or passed behind _IO or a pointer) grew at its end: compatible only if its users pass and honour the size.');
