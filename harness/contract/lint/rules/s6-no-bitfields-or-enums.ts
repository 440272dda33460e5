import type { TypeNode } from '../../../core/model/model';
import { atIoctl, atMember } from '../locate';
import type { LintRule, RuleFinding } from '../rule';
import { withoutArrays } from '../type-facts';

const ENUM_WHY = 'an enum\'s size is `int`, or wider when its values need it, and C++ and compilers with -fshort-enums differ; declare a `__u32` and name the enum or value group with `.oneOf()`';

const enumName = (t: TypeNode): string | undefined => {
  const leaf = withoutArrays(t);
  return leaf.kind === 'ref' && leaf.tag === 'enum' ? leaf.name : undefined;
};

export const s6NoBitfieldsOrEnums: LintRule = {
  id: 'S6',
  name: 'no-bitfields-or-enums',
  severity: 'error',
  purpose: 'no bit-fields and no enum-typed members: their layout and size are up to the compiler',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const m of ctx.members) {
      if (m.member.bits !== undefined) {
        out.push({
          subject: m.path,
          message: `bit-field of width ${m.member.bits}: bit order and packing differ between little- and big-endian ABIs and between compilers; use a whole \`__u32\` (or \`__u64\`) with flag masks`,
          ...atMember(m),
        });
      }
      const e = enumName(m.member.type);
      if (e !== undefined) out.push({ subject: m.path, message: `has type \`enum ${e}\`: ${ENUM_WHY}`, ...atMember(m) });
    }
    for (const i of ctx.spec.ioctls) {
      const e = i.arg !== undefined ? enumName(i.arg) : undefined;
      if (e !== undefined) out.push({ subject: `ioctl ${i.name}`, message: `argument has type \`enum ${e}\`: ${ENUM_WHY}`, ...atIoctl(ctx, i) });
    }
    return out;
  },
};
