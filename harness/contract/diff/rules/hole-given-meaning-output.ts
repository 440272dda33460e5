import { defineRule } from '../rule';

export const HOLE_GIVEN_MEANING_OUTPUT = defineRule('HOLE_GIVEN_MEANING_OUTPUT', 'compatible', 'A field the kernel writes now uses former padding: old binaries never read those bytes.');
