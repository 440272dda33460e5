import { defineRule } from '../rule';

export const ENUMERATOR_INSERTED = defineRule('ENUMERATOR_INSERTED', 'compatible', 'An enumerator was inserted mid-enum without changing old values (shifted values are reported separately).');
