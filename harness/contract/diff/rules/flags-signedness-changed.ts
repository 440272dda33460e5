import { defineRule } from '../rule';

export const FLAGS_SIGNEDNESS_CHANGED = defineRule('FLAGS_SIGNEDNESS_CHANGED', 'compatible', 'A flags word kept its bytes but changed signedness: only its bits matter, and they travel unchanged.');
