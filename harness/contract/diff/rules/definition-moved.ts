import { defineRule } from '../rule';

export const DEFINITION_MOVED = defineRule('DEFINITION_MOVED', 'compatible', 'A name the header no longer defines itself is defined, with the same value, by a uAPI header it includes on this ABI (it moved there): programs still compile and old binaries see the same value.');
