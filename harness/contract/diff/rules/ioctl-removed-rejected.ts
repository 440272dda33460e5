import { defineRule } from '../rule';

export const IOCTL_REMOVED_REJECTED = defineRule('IOCTL_REMOVED_REJECTED', 'compatible', "An ioctl was removed that the old revision's kernel sources (--old-tree, or check-tree's past revision) name only as case labels whose body answers an error (r = -EOPNOTSUPP; break;), under every name of its request: the old kernel already refused it, so no old binary that worked depended on it.");
