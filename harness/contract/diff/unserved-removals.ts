import type { SourceReferences } from '../../frontend/tree/source-references';
import { KERNEL_ARCH } from '../../frontend/tree/installed-headers';
import type { Change } from './change';
import { removedName } from './moved-definitions';
import { rejectingCase } from './rejecting-case';
import * as R from './rules';

const REMOVALS = new Set([R.IOCTL_REMOVED.id, R.IOCTL_REMOVED_RETIRED.id, R.INTERNAL_NAME_REMOVED.id]);
const isRemoval = (c: Change): boolean => REMOVALS.has(c.rule) && c.subject.startsWith('ioctl ');
const ARCH_SPECIFIC = R.DEFINITION_NOW_ARCH_SPECIFIC.id;

/**
 * The kernel `arch/` folders whose kernels run an ABI's binaries: its own, and for a 32-bit ABI whose
 * 64-bit sibling lives in another folder, that one too (arm binaries run on arm64 kernels, compat).
 */
function servingArches(abi: string): string[] {
  const own = KERNEL_ARCH[abi];
  return [...(own !== undefined ? [own] : []), ...(abi === 'arm' ? ['arm64'] : [])];
}

/** What the code at a reference (`path:line`) answers when it is a `case` that only returns an error. */
function rejectionAt(sources: SourceReferences, ref: string): string | undefined {
  const m = /^(.*):(\d+)$/.exec(ref);
  if (m === null) return undefined;
  const text = sources.text(m[1] as string);
  return text === undefined ? undefined : rejectingCase(text, Number(m[2]));
}

/** The `arch/<X>/` folder a reference lies in, or undefined for code every architecture builds. */
const archOf = (ref: string): string | undefined => /^arch\/([^/]+)\//.exec(ref)?.[1];

/**
 * Removals judged by the old revision's own kernel sources, the evidence a header cannot give: a
 * driver serves a request by naming it (a `case` of its ioctl switch, an entry of its table).
 * - A removed ioctl (plain, retired or `__`-internal) the old sources name nowhere outside the uAPI
 *   headers, docs and tools, under none of the names removed with the same request, had no handler
 *   there: old binaries already got ENOTTY (kvm.h's KVM_ASSIGN_* after 4.12, KVM_SET_MEMORY_REGION):
 *   `IOCTL_REMOVED_UNSERVED`. One they name only as `case` labels whose body answers an error
 *   (6.1's `case KVM_TRACE_ENABLE: ... r = -EOPNOTSUPP; break;`) was refused already:
 *   `IOCTL_REMOVED_REJECTED`.
 * - A name now defined only for other architectures, which the old sources use only under other
 *   architectures' `arch/` folders (KVM_XEN_HVM_CONFIG only in arch/x86), was never served on this
 *   ABI (an arm binary may also run on an arm64 kernel, so arch/arm64 counts for arm): `DEFINITION_NOW_ARCH_SPECIFIC_UNSERVED` there; where its own architecture or shared code
 *   uses it, the hazard stays and says where.
 * The sources count only if they are the driver's: they must name at least one of the header's
 * ioctls that stay, else they say nothing and every removal stays what the header showed. A name
 * still used keeps its rule with the place in its message (a handler may only reject it).
 */
export function unservedRemovals(changes: readonly Change[], oldIoctls: readonly string[], sources: SourceReferences | undefined): Change[] {
  const judged = changes.filter((c) => isRemoval(c) || c.rule === ARCH_SPECIFIC);
  if (sources === undefined || judged.length === 0) return [...changes];
  const gone = new Set(judged.map((c) => removedName(c.subject)));
  const staying = oldIoctls.filter((n) => !gone.has(n));
  const found = sources.find([...gone, ...staying]);
  const note = (c: Change, text: string): Change => ({ ...c, message: `${c.message} (${text})` });
  if (typeof found === 'string') return changes.map((c) => (judged.includes(c) ? note(c, `${sources.label} could not be searched: ${found}`) : c));
  const witness = staying.find((n) => found.has(n));
  if (witness === undefined) return changes.map((c) => (judged.includes(c) ? note(c, `${sources.label} names none of this header's ioctls, so it cannot tell whether the old kernel served it`) : c));
  const others = `while it names the header's other ioctls (${witness} at ${found.get(witness)?.[0] ?? ''})`;
  return changes.flatMap((c): Change[] => {
    if (!judged.includes(c)) return [c];
    const name = removedName(c.subject);
    const refs = found.get(name) ?? [];
    if (isRemoval(c)) {
      // Another name removed with the same request on the same ABIs is the same ioctl to a binary
      // (`KVM_ASSIGN_IRQ` is `__KVM_DEPRECATED_VM_R_0x70`): served if the sources name either.
      const group = [name, ...judged.filter((a) => a !== c && isRemoval(a) && a.old === c.old && a.abis.some((x) => c.abis.includes(x))).map((a) => removedName(a.subject))];
      const groupRefs = group.flatMap((n) => found.get(n) ?? []);
      const answers = groupRefs.map((r) => rejectionAt(sources, r));
      if (groupRefs.length > 0 && answers.every((a) => a !== undefined)) {
        return [{ ...c, rule: R.IOCTL_REMOVED_REJECTED.id, level: R.IOCTL_REMOVED_REJECTED.level, message: `${name} (${String(c.old)}) was removed, and the old kernel already refused it: ${sources.label} names it${group.length > 1 ? ` (or ${group.slice(1).join(', ')}, the same request)` : ''} only as a case that answers an error (${groupRefs[0] ?? ''}: ${answers[0] ?? ''}), so no old binary that worked used it` }];
      }
      const alias = group.slice(1).find((n) => found.has(n));
      if (refs.length > 0) return [note(c, `${sources.label} still names it at ${refs[0] ?? ''}`)];
      if (alias !== undefined) return [note(c, `${sources.label} still names ${alias}, the same request, at ${found.get(alias)?.[0] ?? ''}`)];
      return [{ ...c, rule: R.IOCTL_REMOVED_UNSERVED.id, level: R.IOCTL_REMOVED_UNSERVED.level, message: `${name} (${String(c.old)}) was removed, and the old kernel no longer served it: ${sources.label} names it (and any other name of the same request) nowhere outside the uAPI headers, documentation and tools, ${others}; old binaries already got ENOTTY` }];
    }
    const shared = refs.find((r) => archOf(r) === undefined);
    if (shared !== undefined) return [note(c, `${sources.label} uses it in code every architecture builds, at ${shared}`)];
    const arches = new Set(refs.map(archOf));
    const servedOn = (a: string): boolean => servingArches(a).some((x) => arches.has(x));
    const unserved = c.abis.filter((a) => !servedOn(a));
    const served = c.abis.filter(servedOn);
    const out: Change[] = [];
    if (unserved.length > 0) {
      const where = refs.length === 0 ? `names it nowhere outside the uAPI headers, documentation and tools, ${others}` : `uses it only under ${[...arches].map((x) => `arch/${String(x)}/`).join(', ')} (${refs[0] ?? ''})`;
      out.push({ ...c, abis: unserved, rule: R.DEFINITION_NOW_ARCH_SPECIFIC_UNSERVED.id, level: R.DEFINITION_NOW_ARCH_SPECIFIC_UNSERVED.level, message: `${name} is no longer defined for ${unserved.join(', ')}, whose old kernel never served it: ${sources.label} ${where}` });
    }
    if (served.length > 0) out.push(note({ ...c, abis: served }, `${sources.label} uses it for these architectures, at ${refs.find((r) => served.some((a) => servingArches(a).includes(archOf(r) ?? ''))) ?? ''}`));
    return out;
  });
}
