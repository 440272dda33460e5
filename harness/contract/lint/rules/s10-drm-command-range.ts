import { atIoctl } from '../locate';
import type { LintRule, RuleFinding } from '../rule';
import { hex, typeChar } from '../type-facts';

/** DRM_IOCTL_BASE: the type byte of every DRM and accel ioctl. */
export const DRM_IOCTL_TYPE = 0x64;
/** DRM_COMMAND_BASE and DRM_COMMAND_END: the nr range the DRM core leaves to drivers. */
export const DRM_COMMAND_BASE = 0x40;
export const DRM_COMMAND_END = 0xa0;

export const s10DrmCommandRange: LintRule = {
  id: 'S10',
  name: 'drm-command-range',
  severity: 'error',
  purpose: "a DRM/accel driver's ioctls (any ioctl of type 'd' makes a uAPI one) all use type 'd' and an nr in the driver range [0x40, 0xa0)",
  check(ctx) {
    const ioctls = ctx.spec.ioctls;
    if (!ioctls.some((i) => i.type === DRM_IOCTL_TYPE)) return [];
    const out: RuleFinding[] = [];
    for (const i of ioctls) {
      const subject = `ioctl ${i.name}`;
      if (i.type !== DRM_IOCTL_TYPE) {
        out.push({ subject, message: `type ${typeChar(i.type)} in a DRM/accel uAPI: the DRM core only routes type 'd' (DRM_IOCTL_BASE) to the driver`, ...atIoctl(ctx, i) });
      } else if (i.nr < DRM_COMMAND_BASE || i.nr >= DRM_COMMAND_END) {
        out.push({ subject, message: `nr ${hex(i.nr)} is outside the driver range ${hex(DRM_COMMAND_BASE)}..${hex(DRM_COMMAND_END - 1)} (DRM_COMMAND_BASE + index): the DRM core's own ioctls use the numbers outside it`, ...atIoctl(ctx, i) });
      }
    }
    return out;
  },
};
