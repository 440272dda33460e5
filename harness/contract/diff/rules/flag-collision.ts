import { defineRule } from '../rule';

export const FLAG_COLLISION = defineRule('FLAG_COLLISION', 'value-break', 'A flag shares bits with another flag of its group.');
