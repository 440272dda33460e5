import { defineRule } from '../rule';

export const IOCTL_TYPE_CHANGED = defineRule('IOCTL_TYPE_CHANGED', 'value-break', "An ioctl's _IOC_TYPE (the type character) changed.");
