import { defineRule } from '../rule';

export const STRUCT_GROWN_DISPATCH_DEPENDENT = defineRule('STRUCT_GROWN_DISPATCH_DEPENDENT', 'hazard', 'An ioctl argument grew at its end where the dispatch is not known to be size-tolerant but the header shows a command table indexed by _IOC_NR: compatible if the driver zero-extends like DRM; declare it in a spec or waive it.');
