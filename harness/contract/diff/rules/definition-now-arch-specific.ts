import { defineRule } from '../rule';

export const DEFINITION_NOW_ARCH_SPECIFIC = defineRule('DEFINITION_NOW_ARCH_SPECIFIC', 'hazard', 'A name the old header gave every ABI is now defined only for other architectures (it or its argument type moved into an asm/ header): old binaries of this ABI still use it, but whether this architecture ever served it the header cannot show.');
