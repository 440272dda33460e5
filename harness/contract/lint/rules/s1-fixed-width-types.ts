import { ABIS } from '../../../core/layout/abi';
import { KERNEL_SCALARS, type ScalarType, type TypeNode } from '../../../core/model/model';
import { SCALARS } from '../../../core/model/scalars';
import { atIoctl, atMember } from '../locate';
import type { LintRule, RuleFinding } from '../rule';
import { withoutArrays } from '../type-facts';

const KERNEL = new Set<string>(KERNEL_SCALARS);
const charSignedOn = ABIS.filter((a) => a.charSigned).map((a) => a.name).join(', ');
const charUnsignedOn = ABIS.filter((a) => !a.charSigned).map((a) => a.name).join(', ');

/** Why a plain C scalar is unfit, and what to write instead. */
function advice(t: ScalarType): string {
  const spelled = t.spelled ?? t.name;
  if (/^u?int(8|16|32|64)_t$/.test(spelled)) {
    const bits = /(\d+)/.exec(spelled)?.[1] ?? '32';
    return `<stdint.h> types are not available to uAPI headers (userspace may build without libc headers); use \`__${spelled.startsWith('u') ? 'u' : 's'}${bits}\``;
  }
  const info = SCALARS[t.name];
  switch (t.name) {
    case 'char':
      return `plain \`char\` is signed on ${charSignedOn} and unsigned on ${charUnsignedOn}; use \`__u8\` (or \`__s8\`)`;
    case 'signed char': return 'use the kernel\'s fixed-width name `__s8`';
    case 'unsigned char': return 'use the kernel\'s fixed-width name `__u8`';
    case 'short': case 'int':
      return `C only sets a minimum width for \`${t.name}\`; use \`__s${info.bytes * 8}\``;
    case 'unsigned short': case 'unsigned int':
      return `C only sets a minimum width for \`${t.name}\`; use \`__u${info.bytes * 8}\``;
    case 'long': case 'unsigned long':
      return `\`${spelled}\` is 4 bytes on 32-bit ABIs and 8 on 64-bit ones, so the layout differs and needs a compat ioctl; use \`__${info.signed === true ? 's' : 'u'}64\` (or \`__${info.signed === true ? 's' : 'u'}32\` when the range allows)`;
    case 'long long': return 'use the kernel\'s fixed-width name `__s64`';
    case 'unsigned long long': return 'use the kernel\'s fixed-width name `__u64`';
    case '_Bool':
      return 'the size of `bool` is up to the compiler and C90 has none; use `__u8`, or a bit in a `__u32` flags field';
    case 'float': case 'double':
      return 'the kernel does not use floating point; carry a fixed-point integer such as `__u32` or `__u64`';
    default:
      return 'use a fixed-width kernel type';
  }
}

function check(t: TypeNode): string | undefined {
  const leaf = withoutArrays(t);
  if (leaf.kind !== 'scalar') return undefined;
  const spelled = leaf.spelled ?? leaf.name;
  if (KERNEL.has(leaf.name)) {
    // The kernel-internal spellings (`u32`) do not exist in userspace.
    return /^[us](8|16|32|64)$/.test(spelled)
      ? `\`${spelled}\` is the kernel-internal name and does not exist in userspace; use \`__${spelled}\``
      : undefined;
  }
  const shown = leaf.spelled !== undefined && leaf.spelled !== leaf.name ? `\`${leaf.spelled}\` (\`${leaf.name}\`)` : `\`${leaf.name}\``;
  return `${shown} is not a fixed-width kernel type: ${advice(leaf)}`;
}

export const s1FixedWidthTypes: LintRule = {
  id: 'S1',
  name: 'fixed-width-types',
  severity: 'error',
  purpose: 'only fixed-width kernel types (__u8 ... __s64, __le*/__be*, __aligned_u64) in the uAPI: no int, long, size_t, bool, char or float (pointers: S4)',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const m of ctx.members) {
      const message = check(m.member.type);
      if (message === undefined) continue;
      out.push({ subject: m.path, message, ...atMember(m) });
    }
    for (const i of ctx.spec.ioctls) {
      const message = i.arg !== undefined ? check(i.arg) : undefined;
      if (message === undefined) continue;
      out.push({ subject: `ioctl ${i.name}`, message: `argument ${message}`, ...atIoctl(ctx, i) });
    }
    return out;
  },
};
