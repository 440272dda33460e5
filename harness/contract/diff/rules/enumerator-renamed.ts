import { defineRule } from '../rule';

export const ENUMERATOR_RENAMED = defineRule('ENUMERATOR_RENAMED', 'source-break', "An enumerator's value now has another name and the old name is gone.");
