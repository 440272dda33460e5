import { defineRule } from '../rule';

export const HOLE_GIVEN_MEANING = defineRule('HOLE_GIVEN_MEANING', 'hazard', 'A field the kernel reads now uses implicit padding that old binaries never had to zero: old binaries that left garbage there now pass a value.');
