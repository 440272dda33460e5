import { defineRule } from '../rule';

export const INTERNAL_NAME_REMOVED = defineRule('INTERNAL_NAME_REMOVED', 'hazard', 'An enumerator or ioctl whose name marks it internal or retired (a leading __, as __KVM_DEPRECATED_*) was removed: old binaries that passed its value may be rejected, but the name was not meant for them.');
