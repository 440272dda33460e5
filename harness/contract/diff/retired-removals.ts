import type { Change } from './change';
import type { FactsOf } from './moved-definitions';
import * as R from './rules';

/**
 * An ioctl removed after the old header itself marked it retired (kvm.h 6.1: `/* KVM_DEBUG_GUEST is no
 * longer supported ... *\/`, `#define KVM_TRACE_ENABLE __KVM_DEPRECATED_MAIN_W_0x06`) is a hazard, not a
 * proven break: only the old kernel can tell whether it still served the request. The evidence is the
 * old header's text on the change's ABIs; a removal without such evidence stays a removal.
 */
export function retiredRemovals(changes: readonly Change[], oldFactsOf: FactsOf): Change[] {
  return changes.map((c) => {
    if (c.rule !== R.IOCTL_REMOVED.id) return c;
    const name = c.subject.slice('ioctl '.length);
    const retired = c.abis.map((a) => oldFactsOf(a)?.retired.find((r) => r.name === name));
    const first = retired[0];
    if (first === undefined || retired.some((r) => r === undefined)) return c;
    return {
      ...c,
      rule: R.IOCTL_REMOVED_RETIRED.id,
      level: R.IOCTL_REMOVED_RETIRED.level,
      message: `${name} (${String(c.old)}) was removed; the old header marked it retired (${first.evidence}). Old binaries that still issue it break only if the old kernel still served it: check that, then waive it`,
    };
  });
}
