import type { Spec } from '../../core/model/model';
import type { Change } from './change';
import { removedName } from './moved-definitions';
import * as R from './rules';

/**
 * Removals that may only mean a definition became architecture-specific. A plain constant's removal is
 * left out: it is a source break wherever it happens (a #define going away changes nothing the kernel
 * accepts), and calling it a hazard because another architecture keeps it would raise it, not lower it.
 */
const REMOVALS = new Set([R.IOCTL_REMOVED.id, R.ENUMERATOR_REMOVED.id, R.FLAG_REMOVED.id, R.OPCODE_REMOVED.id]);

function namesOf(spec: Spec): Set<string> {
  return new Set([...spec.ioctls.map((i) => i.name), ...spec.constants.map((c) => c.name), ...spec.enums.flatMap((e) => e.values.map((v) => v.name))]);
}

/**
 * A name removed on some ABIs while the new version still defines it for others (kvm.h 6.12 moved
 * `struct kvm_xen_hvm_attr` into x86's asm/kvm.h, so KVM_XEN_HVM_GET_ATTR has no argument type on
 * aarch64) became architecture-specific: old binaries of those ABIs still use the value, but only the
 * kernel can tell whether those architectures ever served it. `newSpecOf` gives the new side's spec
 * per ABI name; `included` whether a header the new side includes defines the name on an ABI (s390's
 * asm/kvm.h, for s390x only, now defines `enum pv_cmd_id`).
 */
export function archSpecificRemovals(changes: readonly Change[], abis: readonly string[], newSpecOf: (abi: string) => Spec, included: (abi: string, name: string) => boolean = () => false): Change[] {
  const names = new Map<Spec, Set<string>>();
  const definedOn = (name: string): string[] => abis.filter((a) => {
    const spec = newSpecOf(a);
    let set = names.get(spec);
    if (set === undefined) names.set(spec, (set = namesOf(spec)));
    return set.has(name) || included(a, name);
  });
  return changes.map((c) => {
    if (!REMOVALS.has(c.rule)) return c;
    const name = removedName(c.subject);
    const elsewhere = definedOn(name).filter((a) => !c.abis.includes(a));
    if (elsewhere.length === 0) return c;
    return {
      ...c,
      rule: R.DEFINITION_NOW_ARCH_SPECIFIC.id,
      level: R.DEFINITION_NOW_ARCH_SPECIFIC.level,
      message: `${name} is no longer defined for ${c.abis.join(', ')} but still is for ${elsewhere.join(', ')} (it or its argument type moved into an architecture's asm/ header): old binaries of those ABIs still use ${String(c.old)}. Check whether those architectures' kernels ever served it, then waive it`,
    };
  });
}
