import { defineRule } from '../rule';

export const IOCTL_ARG_TYPE_RENAMED = defineRule('IOCTL_ARG_TYPE_RENAMED', 'source-break', 'An ioctl takes a differently named argument type of the same layout.');
