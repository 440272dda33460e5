import { defineRule } from '../rule';

export const IOCTL_REMOVED_UNSERVED = defineRule('IOCTL_REMOVED_UNSERVED', 'compatible', "An ioctl was removed that the old revision's kernel sources (given with --old-tree, or check-tree's past revision) no longer name outside the uAPI headers, documentation and tools, while they do name the header's other ioctls: the old kernel had no handler for it, so old binaries already got ENOTTY.");
