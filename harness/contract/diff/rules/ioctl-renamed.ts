import { defineRule } from '../rule';

export const IOCTL_RENAMED = defineRule('IOCTL_RENAMED', 'source-break', 'The same request number now has another name.');
