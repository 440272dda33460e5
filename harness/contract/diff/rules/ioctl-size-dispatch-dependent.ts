import { defineRule } from '../rule';

export const IOCTL_SIZE_DISPATCH_DEPENDENT = defineRule('IOCTL_SIZE_DISPATCH_DEPENDENT', 'hazard', 'An ioctl argument grew, so its request number changed; the header shows a command table indexed by _IOC_NR, so old requests keep working if the driver zero-extends like DRM.');
