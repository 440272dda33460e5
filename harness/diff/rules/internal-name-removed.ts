import { defineRule } from '../rule';

export const INTERNAL_NAME_REMOVED = defineRule('INTERNAL_NAME_REMOVED', 'hazard', 'An enumerator whose name marks it internal (a leading __) was removed: old binaries that passed its value may be rejected, but the name was not meant for them.');
