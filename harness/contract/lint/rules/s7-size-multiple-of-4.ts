import { acrossAbis } from '../across-abis';
import { atRecord } from '../locate';
import type { LintRule, RuleFinding } from '../rule';
import { first64BitLeaf } from '../type-facts';

export const s7SizeMultipleOf4: LintRule = {
  id: 'S7',
  name: 'size-multiple-of-4',
  severity: 'warning',
  purpose: 'top-level struct and union sizes are a multiple of 4 (warning), better of 8 (info), so that 32- and 64-bit fields can be added later without holes',
  check(ctx) {
    return ctx.records.filter((r) => r.topLevel).flatMap((r) => acrossAbis(ctx, (abi): RuleFinding[] => {
      const layout = ctx.layout(r, abi);
      if (layout.size % 4 !== 0) {
        return [{ subject: r.path, message: `size ${layout.size} is not a multiple of 4: a \`__u32\` added at the end would need a hole before it, and arrays of it misalign 32-bit fields; pad it to ${Math.ceil(layout.size / 4) * 4}`, ...atRecord(r) }];
      }
      // With a 64-bit member, a size that is not a multiple of 8 is rule S3's error.
      if (layout.size % 8 !== 0 && first64BitLeaf(ctx.engine(abi), layout) === undefined) {
        return [{ subject: r.path, severity: 'info', message: `size ${layout.size} is a multiple of 4 but not of 8: padding it to ${Math.ceil(layout.size / 8) * 8} leaves room for a 64-bit field without a hole`, ...atRecord(r) }];
      }
      return [];
    }));
  },
};
