import { defineRule } from '../rule';

export const DEFINITION_NOW_ARCH_SPECIFIC_UNSERVED = defineRule('DEFINITION_NOW_ARCH_SPECIFIC_UNSERVED', 'compatible', "A name the new header defines only for other architectures, which the old revision's kernel sources (--old-tree, or check-tree's past revision) use only under those other architectures' arch/ folders (or nowhere): this ABI's kernel never served it, so its removal here changes nothing old binaries could use.");
