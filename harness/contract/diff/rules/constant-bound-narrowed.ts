import { defineRule } from '../rule';

export const CONSTANT_BOUND_NARROWED = defineRule('CONSTANT_BOUND_NARROWED', 'hazard', 'A sentinel, count or range bound moved so that the range shrank: old binaries may pass values the new bound rejects.');
