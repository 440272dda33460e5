import { defineRule } from '../rule';

export const FIELD_MADE_RESERVED = defineRule('FIELD_MADE_RESERVED', 'behavior-break', 'A meaningful field became pad/reserved (must be zero): old callers that set it are now rejected.');
