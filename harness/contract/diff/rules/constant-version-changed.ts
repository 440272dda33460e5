import { defineRule } from '../rule';

export const CONSTANT_VERSION_CHANGED = defineRule('CONSTANT_VERSION_CHANGED', 'compatible', 'An interface version number increased: the interface announces additions; old binaries compare or negotiate it.');
