import { defineRule } from '../rule';

export const FIELD_NARROWED = defineRule('FIELD_NARROWED', 'hazard', 'A field became narrower with the rest of its bytes made explicit padding: old values that do not fit are rejected or cut.');
