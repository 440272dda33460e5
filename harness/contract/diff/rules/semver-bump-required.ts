import { defineRule } from '../rule';

export const SEMVER_BUMP_REQUIRED = defineRule('SEMVER_BUMP_REQUIRED', 'value-break', 'The version was not bumped as the semver policy requires for these changes.');
