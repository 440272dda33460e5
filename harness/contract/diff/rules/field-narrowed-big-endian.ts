import { defineRule } from '../rule';

export const FIELD_NARROWED_BIG_ENDIAN = defineRule('FIELD_NARROWED_BIG_ENDIAN', 'abi-break', 'A field became narrower at the same offset on a big-endian ABI: the low bytes old binaries write now lie in the padding.');
