import { defineRule } from '../rule';

export const ENUM_REMOVED = defineRule('ENUM_REMOVED', 'source-break', 'An enum type name disappeared (its enumerators are reported on their own).');
