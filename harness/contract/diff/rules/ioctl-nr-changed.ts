import { defineRule } from '../rule';

export const IOCTL_NR_CHANGED = defineRule('IOCTL_NR_CHANGED', 'value-break', "An ioctl's _IOC_NR changed.");
