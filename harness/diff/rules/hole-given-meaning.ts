import { defineRule } from '../rule';

export const HOLE_GIVEN_MEANING = defineRule('HOLE_GIVEN_MEANING', 'behavior-break', 'A field now uses implicit padding that old binaries never had to zero.');
