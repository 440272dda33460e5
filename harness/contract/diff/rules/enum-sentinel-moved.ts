import { defineRule } from '../rule';

export const ENUM_SENTINEL_MOVED = defineRule('ENUM_SENTINEL_MOVED', 'compatible', 'A _MAX/_LAST/_COUNT/_NUM sentinel moved; an array it sizes shows as a layout change.');
