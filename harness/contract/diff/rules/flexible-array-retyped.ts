import { defineRule } from '../rule';

export const FLEXIBLE_ARRAY_RETYPED = defineRule('FLEXIBLE_ARRAY_RETYPED', 'hazard', 'A flexible (or zero-length) array changed its element type at the same offset: the payload behind it is counted in other units, which old binaries may size wrongly.');
