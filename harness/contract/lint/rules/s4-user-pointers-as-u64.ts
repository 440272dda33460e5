import type { Abi } from '../../../core/layout/abi';
import type { LintRule, RuleFinding } from '../rule';
import { atMember } from '../locate';
import { withoutArrays } from '../type-facts';
import { typeName } from '../../../core/layout/type-name';

const POINTER_CARRIERS = new Set(['__u64', '__aligned_u64']);
const POINTER_WORDS = new Set(['ptr', 'pointer', 'uptr', 'userptr']);

function pointerSizes(abis: readonly Abi[]): string {
  const by = new Map<number, string[]>();
  for (const a of abis) by.set(a.pointerBytes, [...(by.get(a.pointerBytes) ?? []), a.name]);
  return [...by.entries()].sort((a, b) => a[0] - b[0]).map(([n, names]) => `${n} bytes on ${names.join(', ')}`).join(' and ');
}

export const s4UserPointersAsU64: LintRule = {
  id: 'S4',
  name: 'user-pointers-as-u64',
  severity: 'error',
  purpose: 'user pointers travel as __u64 (or __aligned_u64): no C pointer members, no user-pointer fields of another type or width',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const m of ctx.members) {
      const leaf = withoutArrays(m.member.type);
      const where = atMember(m);
      if (leaf.kind === 'pointer') {
        out.push({
          subject: m.path,
          message: `\`${typeName(leaf)}\` is a C pointer (${pointerSizes(ctx.abis)}): a 32-bit process on a 64-bit kernel would need a compat handler; carry the address in a \`__u64\` (userspace casts through \`uintptr_t\`)`,
          ...where,
        });
        continue;
      }
      if (leaf.kind !== 'scalar') continue;
      const spelled = leaf.spelled ?? leaf.name;
      if (m.member.annotations?.userPointer !== undefined && !POINTER_CARRIERS.has(leaf.name)) {
        out.push({
          subject: m.path,
          message: `a user pointer is declared as \`${spelled}\`: use \`__u64\` or \`__aligned_u64\` (unsigned, native-endian, 64 bits on every ABI) so no address is sign-extended, byte-swapped or truncated`,
          ...where,
        });
        continue;
      }
      const words = (m.member.name ?? '').toLowerCase().split('_');
      if (words.some((w) => POINTER_WORDS.has(w)) && ctx.abis.some((a) => ctx.engine(a).scalar(leaf.name).size < 8)) {
        out.push({
          subject: m.path,
          severity: 'warning',
          message: `its name says it holds a pointer but \`${spelled}\` is narrower than 64 bits on some ABIs: a 64-bit address would be truncated; use \`__u64\``,
          ...where,
        });
      }
    }
    return out;
  },
};
