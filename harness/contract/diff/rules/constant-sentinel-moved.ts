import { defineRule } from '../rule';

export const CONSTANT_SENTINEL_MOVED = defineRule('CONSTANT_SENTINEL_MOVED', 'compatible', 'A _MAX/_LAST/_COUNT/_NUM constant moved; an array it sizes shows as a layout change.');
