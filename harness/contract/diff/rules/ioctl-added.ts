import { defineRule } from '../rule';

export const IOCTL_ADDED = defineRule('IOCTL_ADDED', 'compatible', 'An ioctl was added.');
