import type { RecordDecl } from '../../../core/model/model';
import { atMember } from '../locate';
import type { LintRule, RuleFinding } from '../rule';
import { recordsByValue } from '../type-facts';
import { DRM_IOCTL_TYPE } from './s10-drm-command-range';

export const s11NoDrmFlexibleArray: LintRule = {
  id: 'S11',
  name: 'no-drm-flexible-array',
  severity: 'error',
  purpose: "no flexible array member in the argument of a DRM ioctl (type 'd'), nor in any struct it holds by value",
  check(ctx) {
    const inDrmArgs = new Set<RecordDecl>();
    for (const i of ctx.spec.ioctls) {
      if (i.type !== DRM_IOCTL_TYPE || i.arg === undefined) continue;
      for (const d of recordsByValue(ctx.spec, i.arg)) inDrmArgs.add(d);
    }
    const out: RuleFinding[] = [];
    for (const m of ctx.members) {
      const t = m.member.type;
      if (t.kind !== 'array' || t.length !== 0 || !inDrmArgs.has(m.parent.decl)) continue;
      out.push({
        subject: m.path,
        message: 'flexible array member in a DRM ioctl argument: drm_ioctl() copies exactly _IOC_SIZE bytes, the struct without the array, so its elements never reach the driver; pass them through a `__u64` user pointer with an element count',
        ...atMember(m),
      });
    }
    return out;
  },
};
