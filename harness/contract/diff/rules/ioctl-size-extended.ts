import { defineRule } from '../rule';

export const IOCTL_SIZE_EXTENDED = defineRule('IOCTL_SIZE_EXTENDED', 'compatible', "An ioctl's argument grew and the driver dispatches on _IOC_NR with zero-extension (size-extensible).");
