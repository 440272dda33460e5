import { defineRule } from '../rule';

export const IOCTL_DIR_CHANGED = defineRule('IOCTL_DIR_CHANGED', 'value-break', "An ioctl's direction changed.");
