import { constants, defineSpec, ioctl } from 'uapi-harness/dsl';
import { DRM_IOCTL_HL_CB, DRM_IOCTL_HL_CS, DRM_IOCTL_HL_DEBUG, DRM_IOCTL_HL_INFO, DRM_IOCTL_HL_MEMORY, DRM_IOCTL_HL_WAIT_CS } from '../../ioctls';
import { hl_cb_args } from '../../cb';
import { hl_cs_args } from '../../cs';
import { hl_debug_args } from '../../debug';
import { hl_info_args } from '../../info';
import { hl_mem_args } from '../../memory';
import { hl_wait_cs_args } from '../../wait-cs';

/**
 * Real break 6 (6.4 -> 6.12): the driver moved to drivers/accel and every request number changed,
 * from _IOWR('H', 1..6, T) to DRM_IOWR(DRM_COMMAND_BASE + index, T) with type 'd'. Binaries built
 * against 6.4 asked for commands the new driver does not have (ENOTTY).
 *
 * Replayed against the current spec (the 'd' numbering) as the same pair of numberings: the
 * candidate goes back to type 'H', nr 1..6, with HL_COMMAND_START/END as the header had them. The
 * argument types, size tolerance and errno of each command are the current ones.
 */

const type = 'H';

export const DRM_IOCTL_HL_INFO_H = ioctl('DRM_IOCTL_HL_INFO', { ...DRM_IOCTL_HL_INFO.decl, dir: 'rw', type, nr: 0x01, arg: hl_info_args });
export const DRM_IOCTL_HL_CB_H = ioctl('DRM_IOCTL_HL_CB', { ...DRM_IOCTL_HL_CB.decl, dir: 'rw', type, nr: 0x02, arg: hl_cb_args });
export const DRM_IOCTL_HL_CS_H = ioctl('DRM_IOCTL_HL_CS', { ...DRM_IOCTL_HL_CS.decl, dir: 'rw', type, nr: 0x03, arg: hl_cs_args });
export const DRM_IOCTL_HL_WAIT_CS_H = ioctl('DRM_IOCTL_HL_WAIT_CS', { ...DRM_IOCTL_HL_WAIT_CS.decl, dir: 'rw', type, nr: 0x04, arg: hl_wait_cs_args });
export const DRM_IOCTL_HL_MEMORY_H = ioctl('DRM_IOCTL_HL_MEMORY', { ...DRM_IOCTL_HL_MEMORY.decl, dir: 'rw', type, nr: 0x05, arg: hl_mem_args });
export const DRM_IOCTL_HL_DEBUG_H = ioctl('DRM_IOCTL_HL_DEBUG', { ...DRM_IOCTL_HL_DEBUG.decl, dir: 'rw', type, nr: 0x06, arg: hl_debug_args });

export const hlCommandRange = constants({
  HL_COMMAND_START: 0x01,
  HL_COMMAND_END: 0x07,
});

export const edits = defineSpec({
  name: 'habanalabs',
  version: '1.5.0',
  ioctls: [DRM_IOCTL_HL_INFO_H, DRM_IOCTL_HL_CB_H, DRM_IOCTL_HL_CS_H, DRM_IOCTL_HL_WAIT_CS_H, DRM_IOCTL_HL_MEMORY_H, DRM_IOCTL_HL_DEBUG_H],
  constants: [hlCommandRange],
});
