import { defineRule } from '../rule';

export const FIELD_INSERTED = defineRule('FIELD_INSERTED', 'abi-break', 'A new field occupies bytes that old fields used.');
