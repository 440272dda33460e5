import { errnoByName, type ErrnoName } from '../../../../emulator/errno';
import type { FailureClass, IoctlDecl } from '../../../core/model/model';

/**
 * The errno of a failure class an ioctl's spec leaves out: the DRM conventions of design rule D14
 * (EINVAL malformed, ENOENT unknown handle, EFAULT bad pointer, E2BIG rejected tail, ENOMEM
 * exhaustion, EPERM privilege, ...). A spec that declares a class always wins.
 */
export const CONVENTIONAL_ERRNO: { readonly [C in FailureClass]: ErrnoName } = {
  nonzeroPad: 'EINVAL', unknownFlags: 'EINVAL', badValue: 'EINVAL', staleHandle: 'ENOENT', foreignHandle: 'ENOENT',
  badPointer: 'EFAULT', longerTail: 'E2BIG', outOfRange: 'EINVAL', exhausted: 'ENOMEM', privileged: 'EPERM',
  timeout: 'ETIMEDOUT', busy: 'EBUSY', interrupted: 'EINTR', unsupported: 'EOPNOTSUPP', aborted: 'EIO',
};

/** The errno number the spec predicts for `cls` on `decl`, and whether the spec declares it or the convention fills in. */
export function expectedErrno(decl: IoctlDecl, cls: FailureClass): { errno: number; declared: boolean; name: string } {
  const declared = decl.errno?.[cls];
  const name = declared ?? CONVENTIONAL_ERRNO[cls];
  // Validation rejects unknown errno names in specs; an unknown one here can only be a convention typo.
  const n = errnoByName(name) ?? 0;
  return { errno: n, declared: declared !== undefined, name };
}
