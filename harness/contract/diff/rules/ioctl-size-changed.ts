import { defineRule } from '../rule';

export const IOCTL_SIZE_CHANGED = defineRule('IOCTL_SIZE_CHANGED', 'value-break', "An ioctl's _IOC_SIZE changed and its dispatch is not declared size-tolerant.");
