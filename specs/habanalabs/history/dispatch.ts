import {
  DRM_IOCTL_HL_CB, DRM_IOCTL_HL_CS, DRM_IOCTL_HL_DEBUG, DRM_IOCTL_HL_INFO, DRM_IOCTL_HL_MEMORY, DRM_IOCTL_HL_WAIT_CS,
} from '../ioctls';

// What every release of the history shares with the current spec: the 6.12 numbering (type 'd',
// nr DRM_COMMAND_BASE + HL_IOCTL_x), dispatch on _IOC_NR with zero-extension, bytes beyond the
// driver's struct ignored, and the errno of each failure class. The real driver kept these through
// every version modelled here (until 6.12 the type was 'H' and nr 1..6: that renumbering is a break,
// replayed in harness/contract/release/real-breaks.test.ts, so the history uses the final numbering
// throughout). The errno tables are read from the current ioctls so that they cannot drift apart.

export { HL_IOCTL_CB, HL_IOCTL_CS, HL_IOCTL_DEBUG, HL_IOCTL_INFO, HL_IOCTL_MEMORY, HL_IOCTL_WAIT_CS } from '../ioctls';

/** From <drm/drm.h>: first driver-private command number. */
export const DRM_COMMAND_BASE = 0x40;

export const drmSizeTolerant = { sizeExtensible: true, tail: 'ignore' } as const;

export const infoErrno = DRM_IOCTL_HL_INFO.decl.errno ?? {};
export const cbErrno = DRM_IOCTL_HL_CB.decl.errno ?? {};
export const csErrno = DRM_IOCTL_HL_CS.decl.errno ?? {};
export const waitCsErrno = DRM_IOCTL_HL_WAIT_CS.decl.errno ?? {};
export const memoryErrno = DRM_IOCTL_HL_MEMORY.decl.errno ?? {};
export const debugErrno = DRM_IOCTL_HL_DEBUG.decl.errno ?? {};
