import { defineRule } from '../rule';

export const IOCTL_REMOVED_RETIRED = defineRule('IOCTL_REMOVED_RETIRED', 'hazard', 'An ioctl the old header itself marked as retired (a comment attached to it says deprecated, obsolete or no longer supported, or it is defined through a *_DEPRECATED_* name) was removed: old binaries that still issue it break only if the old kernel still served it.');
