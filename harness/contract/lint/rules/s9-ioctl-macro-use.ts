import type { Abi } from '../../../core/layout/abi';
import { firstFew } from '../../../core/util/first-few';
import { maxIoctlSize } from '../../../core/layout/ioctl-encoding';
import { typeName } from '../../../core/layout/type-name';
import type { Direction, IoctlDecl, Member, TypeNode } from '../../../core/model/model';
import type { LintContext } from '../context';
import { atIoctl } from '../locate';
import type { LintRule, RuleFinding } from '../rule';
import { withoutArrays } from '../type-facts';

const MACRO = { none: '_IO', w: '_IOW', r: '_IOR', rw: '_IOWR' } as const;

/** Directions declared on the argument's fields (pad and reserved fields and unannotated ones aside). */
interface Uses {
  readonly input: string[];
  readonly output: string[];
  readonly unknown: string[];
}

function usesOf(ctx: LintContext, arg: TypeNode): Uses {
  const uses: Uses = { input: [], output: [], unknown: [] };
  const seen = new Set<unknown>();
  const visitMember = (m: Member, path: string): void => {
    const leaf = withoutArrays(m.type);
    const nested = leaf.kind === 'record' ? leaf.record : leaf.kind === 'ref' && leaf.tag !== 'enum' ? ctx.record(leaf.name) : undefined;
    const dir: Direction | undefined = m.annotations?.dir;
    // A direction on a struct-typed member covers all of it; otherwise look inside.
    if (nested !== undefined && dir === undefined) {
      if (seen.has(nested)) return;
      seen.add(nested);
      for (const inner of nested.members) visitMember(inner, m.name !== undefined ? `${path}${m.name}.` : path);
      seen.delete(nested);
      return;
    }
    const name = `${path}${m.name ?? '<anonymous>'}`;
    if (m.annotations?.role !== undefined) return;
    if (dir === 'in' || dir === 'inout') uses.input.push(name);
    if (dir === 'out' || dir === 'inout') uses.output.push(name);
    if (dir === undefined) uses.unknown.push(name);
  };
  visitMember({ type: arg }, '');
  return uses;
}

const list = (names: readonly string[]): string => firstFew(names.map((n) => `\`${n}\``), 3);

function directionFindings(i: IoctlDecl, u: Uses): { message: string; severity?: 'warning' }[] {
  const macro = MACRO[i.dir];
  if (i.dir === 'w' && u.output.length > 0) {
    return [{ message: `${macro} copies the argument in only, but ${list(u.output)} ${u.output.length === 1 ? 'is' : 'are'} declared output: results never reach userspace; use _IOWR` }];
  }
  if (i.dir === 'r' && u.input.length > 0) {
    return [{ message: `${macro} copies the argument out only, but ${list(u.input)} ${u.input.length === 1 ? 'is' : 'are'} declared input: the kernel never reads what userspace wrote; use _IOWR` }];
  }
  // Over-declared directions cost a copy and hide what a field is for, but break nothing.
  if (i.dir === 'rw' && u.unknown.length === 0) {
    if (u.output.length === 0 && u.input.length > 0) return [{ severity: 'warning', message: 'declared _IOWR but every field is input: _IOW says what the ioctl does' }];
    if (u.input.length === 0 && u.output.length > 0) return [{ severity: 'warning', message: 'declared _IOWR but every field is output: _IOR says what the ioctl does' }];
  }
  return [];
}

function sizeFindings(ctx: LintContext, i: IoctlDecl, arg: TypeNode): string[] {
  const tooBig = new Map<number, { size: number; abis: Abi[] }[]>();
  for (const abi of ctx.abis) {
    const size = ctx.engine(abi).sizeAlign(arg).size;
    const max = maxIoctlSize(abi.ioctl);
    if (size <= max) continue;
    const group = tooBig.get(max) ?? [];
    const same = group.find((g) => g.size === size);
    if (same !== undefined) same.abis.push(abi);
    else group.push({ size, abis: [abi] });
    tooBig.set(max, group);
  }
  const out: string[] = [];
  for (const [max, groups] of tooBig) {
    for (const g of groups) {
      out.push(`argument size ${g.size} does not fit the ${Math.log2(max + 1)}-bit size field of the request on ${g.abis.map((a) => a.name).join(', ')} (at most ${max}): it spills into the direction bits; pass a \`__u64\` pointer to the data instead`);
    }
  }
  if (ctx.abis.some((abi) => ctx.engine(abi).sizeAlign(arg).size === 0)) out.push(`${MACRO[i.dir]} with an argument of size 0: use _IO, which takes no argument`);
  return out;
}

export const s9IoctlMacroUse: LintRule = {
  id: 'S9',
  name: 'ioctl-macro-use',
  severity: 'error',
  purpose: '_IO* macros take the argument type (not sizeof, not a pointer), its size fits the request\'s size field on every ABI, the direction matches the fields\' use, and _IO only without argument',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const i of ctx.spec.ioctls) {
      const subject = `ioctl ${i.name}`;
      const where = atIoctl(ctx, i);
      const arg = i.arg;
      if (arg === undefined) {
        if (i.dir !== 'none') out.push({ subject, message: `${MACRO[i.dir]} needs an argument type; an ioctl without argument is _IO`, ...where });
        continue;
      }
      if (i.dir === 'none') {
        out.push({ subject, message: `_IO takes no argument, but \`${typeName(arg)}\` is given: use _IOW, _IOR or _IOWR so the size is encoded`, ...where });
        continue;
      }
      const leaf = withoutArrays(arg);
      if (leaf.kind === 'pointer') {
        out.push({ subject, message: `the argument type is the pointer \`${typeName(arg)}\`: the macros take the pointed-to type, otherwise the request encodes the pointer's size (4 or 8 bytes) and differs between 32- and 64-bit ABIs`, ...where });
      } else if (leaf.kind === 'scalar' && /^(size_t|__kernel_size_t)$/.test(leaf.spelled ?? '')) {
        out.push({ subject, message: `the argument type is \`${leaf.spelled ?? leaf.name}\`, as \`${MACRO[i.dir]}(type, nr, sizeof(T))\` gives: the macros take the type itself and apply sizeof`, ...where });
      }
      for (const message of sizeFindings(ctx, i, arg)) out.push({ subject, message, ...where });
      for (const f of directionFindings(i, usesOf(ctx, arg))) out.push({ subject, ...f, ...where });
    }
    return out;
  },
};
