import { defineRule } from '../rule';

export const IOCTL_EXTENSIBILITY_DROPPED = defineRule('IOCTL_EXTENSIBILITY_DROPPED', 'behavior-break', 'An ioctl is no longer declared size-extensible.');
