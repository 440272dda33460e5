// What every release of the history shares: the 6.12 numbering (type 'd', nr DRM_COMMAND_BASE +
// HL_IOCTL_x), dispatch on _IOC_NR with zero-extension, bytes beyond the driver's struct ignored, and
// the errno of each failure class as the releases 1.0.0 to 1.3.0 froze them. The real driver kept
// these through every version modelled here (until 6.12 the type was 'H' and nr 1..6: that
// renumbering is a break, replayed in harness/contract/release/real-breaks.test.ts, so the history
// uses the final numbering throughout).
//
// Nothing here is read from the current spec: a past release's source must not change when the
// present does (the current CS table has gained `privileged: 'EPERM'` since; 1.0.0 to 1.3.0 do not
// have it). `history.test.ts` compares each history spec with its frozen `spec.json`.

/** From <drm/drm.h>: first driver-private command number. */
export const DRM_COMMAND_BASE = 0x40;

export const HL_IOCTL_INFO = 0x00;
export const HL_IOCTL_CB = 0x01;
export const HL_IOCTL_CS = 0x02;
export const HL_IOCTL_WAIT_CS = 0x03;
export const HL_IOCTL_MEMORY = 0x04;
export const HL_IOCTL_DEBUG = 0x05;

export const drmSizeTolerant = { sizeExtensible: true, tail: 'ignore' } as const;

export const infoErrno = {
  nonzeroPad: 'EINVAL', badValue: 'EINVAL', outOfRange: 'EINVAL', badPointer: 'EFAULT',
  exhausted: 'ENOMEM', busy: 'EBUSY', unsupported: 'EOPNOTSUPP',
} as const;
export const cbErrno = {
  unknownFlags: 'EINVAL', badValue: 'EINVAL', staleHandle: 'EINVAL', foreignHandle: 'EINVAL',
  outOfRange: 'EINVAL', badPointer: 'EFAULT', exhausted: 'ENOMEM', busy: 'EBUSY',
} as const;
export const csErrno = {
  nonzeroPad: 'EINVAL', unknownFlags: 'EINVAL', badValue: 'EINVAL', staleHandle: 'EINVAL',
  foreignHandle: 'EINVAL', outOfRange: 'EINVAL', badPointer: 'EFAULT', exhausted: 'EAGAIN', busy: 'EBUSY',
} as const;
export const waitCsErrno = {
  nonzeroPad: 'EINVAL', unknownFlags: 'EINVAL', badValue: 'EINVAL', staleHandle: 'EINVAL',
  foreignHandle: 'EINVAL', outOfRange: 'EINVAL', badPointer: 'EFAULT', exhausted: 'ENOMEM',
  timeout: 'ETIMEDOUT', interrupted: 'EINTR', busy: 'EBUSY', aborted: 'EIO',
} as const;
export const memoryErrno = {
  unknownFlags: 'EINVAL', badValue: 'EINVAL', staleHandle: 'EINVAL', foreignHandle: 'EINVAL',
  outOfRange: 'EINVAL', badPointer: 'EFAULT', exhausted: 'ENOMEM', busy: 'EBUSY', unsupported: 'EOPNOTSUPP',
} as const;
export const debugErrno = { badValue: 'EINVAL', badPointer: 'EFAULT', exhausted: 'ENOMEM', busy: 'EBUSY' } as const;
