// The errno table lives with the Process boundary (core); the emulated kernel speaks it.
export { E, errnoName, errnoByName, ok, fail } from '../harness/core/boundary/errno';
export type { ErrnoName, Errno, SysResult } from '../harness/core/boundary/errno';
