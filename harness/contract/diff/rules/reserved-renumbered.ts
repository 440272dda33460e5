import { defineRule } from '../rule';

export const RESERVED_RENUMBERED = defineRule('RESERVED_RENUMBERED', 'info', 'Reserved fields were renamed or resized inside reserved bytes: not a move.');
