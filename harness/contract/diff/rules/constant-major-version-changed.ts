import { defineRule } from '../rule';

export const CONSTANT_MAJOR_VERSION_CHANGED = defineRule('CONSTANT_MAJOR_VERSION_CHANGED', 'hazard', 'A major interface version changed, or a version number went down: old binaries that compare it may refuse or misread the interface.');
