import { defineRule } from '../rule';

export const IOCTL_BECAME_CONSTANT = defineRule('IOCTL_BECAME_CONSTANT', 'value-break', 'A name that was an ioctl request is now a plain constant: old code still compiles but passes another number.');
