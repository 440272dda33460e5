import { defineRule } from '../rule';

export const IOCTL_TAIL_POLICY_CHANGED = defineRule('IOCTL_TAIL_POLICY_CHANGED', 'behavior-break', 'What the kernel does with bytes beyond its struct (reject/ignore) changed.');
