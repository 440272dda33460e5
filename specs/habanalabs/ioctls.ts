import { constants, ioctl, values } from 'uapi-harness/dsl';
import { hl_cb_args } from './cb';
import { hl_cs_args } from './cs';
import { hl_debug_args } from './debug';
import { hl_info_args } from './info';
import { hl_mem_args } from './memory';
import { hl_wait_cs_args } from './wait-cs';

// The six commands, DRM style since 6.12: DRM_IOWR(DRM_COMMAND_BASE + HL_IOCTL_x, T) with type 'd'.
// Before that they were _IOWR('H', 1..6, T) and HL_IOCTL_* named the whole request numbers.

/** From <drm/drm.h>: first driver-private command number. Not a name this header defines. */
const DRM_COMMAND_BASE = 0x40;

export const HL_IOCTL_INFO = 0x00;
export const HL_IOCTL_CB = 0x01;
export const HL_IOCTL_CS = 0x02;
export const HL_IOCTL_WAIT_CS = 0x03;
export const HL_IOCTL_MEMORY = 0x04;
export const HL_IOCTL_DEBUG = 0x05;

export const hlIoctlIndex = values('hl_ioctl_index', {
  HL_IOCTL_INFO, HL_IOCTL_CB, HL_IOCTL_CS, HL_IOCTL_WAIT_CS, HL_IOCTL_MEMORY, HL_IOCTL_DEBUG,
}, 'Index of each command above DRM_COMMAND_BASE: not a request number since 6.12.');

export const hlCommandRange = constants({
  HL_COMMAND_START: DRM_COMMAND_BASE + HL_IOCTL_INFO,
  HL_COMMAND_END: DRM_COMMAND_BASE + HL_IOCTL_DEBUG + 1,
});

// DRM core semantics, shared by all six: dispatch on _IOC_NR, the caller's struct is copied into a
// zeroed buffer of the driver's size (shorter callers are zero-extended), bytes beyond the driver's
// size are neither read nor rejected, and an unreadable argument pointer gives EFAULT. habanalabs
// handles (CB, memory, sequence numbers) are looked up per file: unknown or foreign ones give EINVAL,
// not DRM's ENOENT. A device in reset or out of order gives EBUSY.
const drmSizeTolerant = { sizeExtensible: true, tail: 'ignore' } as const;

export const DRM_IOCTL_HL_INFO = ioctl('DRM_IOCTL_HL_INFO', {
  dir: 'rw', type: 'd', nr: DRM_COMMAND_BASE + HL_IOCTL_INFO, arg: hl_info_args,
  ...drmSizeTolerant,
  errno: {
    nonzeroPad: 'EINVAL', badValue: 'EINVAL', outOfRange: 'EINVAL', badPointer: 'EFAULT',
    exhausted: 'ENOMEM', busy: 'EBUSY', unsupported: 'EOPNOTSUPP',
  },
  doc: 'Query the device: op selects the answer, written to return_pointer and clamped to return_size.',
});

export const DRM_IOCTL_HL_CB = ioctl('DRM_IOCTL_HL_CB', {
  dir: 'rw', type: 'd', nr: DRM_COMMAND_BASE + HL_IOCTL_CB, arg: hl_cb_args,
  ...drmSizeTolerant,
  errno: {
    unknownFlags: 'EINVAL', badValue: 'EINVAL', staleHandle: 'EINVAL', foreignHandle: 'EINVAL',
    outOfRange: 'EINVAL', badPointer: 'EFAULT', exhausted: 'ENOMEM', busy: 'EBUSY',
  },
  doc: 'Create, destroy or query a command buffer.',
});

export const DRM_IOCTL_HL_CS = ioctl('DRM_IOCTL_HL_CS', {
  dir: 'rw', type: 'd', nr: DRM_COMMAND_BASE + HL_IOCTL_CS, arg: hl_cs_args,
  ...drmSizeTolerant,
  errno: {
    nonzeroPad: 'EINVAL', unknownFlags: 'EINVAL', badValue: 'EINVAL', staleHandle: 'EINVAL',
    foreignHandle: 'EINVAL', outOfRange: 'EINVAL', badPointer: 'EFAULT', exhausted: 'EAGAIN',
    busy: 'EBUSY', privileged: 'EPERM',
  },
  doc: 'Submit jobs to queues (returns a sequence number), or reserve signals, or command engines. Too many submissions in flight gives EAGAIN; '
    + 'a command buffer that writes a secured register (or a driver sync object) gives EPERM.',
});

export const DRM_IOCTL_HL_WAIT_CS = ioctl('DRM_IOCTL_HL_WAIT_CS', {
  dir: 'rw', type: 'd', nr: DRM_COMMAND_BASE + HL_IOCTL_WAIT_CS, arg: hl_wait_cs_args,
  ...drmSizeTolerant,
  errno: {
    nonzeroPad: 'EINVAL', unknownFlags: 'EINVAL', badValue: 'EINVAL', staleHandle: 'EINVAL',
    foreignHandle: 'EINVAL', outOfRange: 'EINVAL', badPointer: 'EFAULT', exhausted: 'ENOMEM',
    timeout: 'ETIMEDOUT', interrupted: 'EINTR', busy: 'EBUSY', aborted: 'EIO',
  },
  doc: 'Wait for submissions or a user interrupt. An expired wait succeeds with status BUSY; '
    + 'ETIMEDOUT means the submission itself timed out on the device, EIO that it was aborted.',
});

export const DRM_IOCTL_HL_MEMORY = ioctl('DRM_IOCTL_HL_MEMORY', {
  dir: 'rw', type: 'd', nr: DRM_COMMAND_BASE + HL_IOCTL_MEMORY, arg: hl_mem_args,
  ...drmSizeTolerant,
  errno: {
    unknownFlags: 'EINVAL', badValue: 'EINVAL', staleHandle: 'EINVAL', foreignHandle: 'EINVAL',
    outOfRange: 'EINVAL', badPointer: 'EFAULT', exhausted: 'ENOMEM', busy: 'EBUSY', unsupported: 'EOPNOTSUPP',
  },
  doc: 'Allocate, free, map and unmap device memory; map host memory; export DMA-BUFs; allocate timestamp buffers.',
});

export const DRM_IOCTL_HL_DEBUG = ioctl('DRM_IOCTL_HL_DEBUG', {
  dir: 'rw', type: 'd', nr: DRM_COMMAND_BASE + HL_IOCTL_DEBUG, arg: hl_debug_args,
  ...drmSizeTolerant,
  errno: {
    badValue: 'EINVAL', badPointer: 'EFAULT', exhausted: 'ENOMEM', busy: 'EBUSY',
  },
  doc: 'Configure trace and profiling components; the device must be in debug mode.',
});

export const hlIoctls = [
  DRM_IOCTL_HL_INFO, DRM_IOCTL_HL_CB, DRM_IOCTL_HL_CS, DRM_IOCTL_HL_WAIT_CS, DRM_IOCTL_HL_MEMORY, DRM_IOCTL_HL_DEBUG,
] as const;
