import { defineRule } from '../rule';

export const IOCTL_REMOVED = defineRule('IOCTL_REMOVED', 'value-break', 'An ioctl disappeared: old binaries get ENOTTY.');
