import { defineRule } from '../rule';

export const FLAG_MASK_NARROWED = defineRule('FLAG_MASK_NARROWED', 'hazard', 'A multi-bit mask lost bits: old binaries that pass flags it no longer includes may be rejected.');
