import { defineRule } from '../rule';

export const STRUCT_GROWN_DISPATCH_DEPENDENT = defineRule('STRUCT_GROWN_DISPATCH_DEPENDENT', 'abi-break', 'A type grew at its end but nothing declares how it travels: compatible only if the driver dispatches on _IOC_NR and zero-extends; declare it in a spec or waive it.');
