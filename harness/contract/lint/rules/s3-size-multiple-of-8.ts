import { acrossAbis } from '../across-abis';
import { atRecord } from '../locate';
import type { LintRule, RuleFinding } from '../rule';
import { first64BitLeaf } from '../type-facts';

export const s3SizeMultipleOf8: LintRule = {
  id: 'S3',
  name: 'size-multiple-of-8',
  severity: 'error',
  purpose: 'a struct or union holding a 64-bit member has a size that is a multiple of 8 on every ABI',
  check(ctx) {
    return ctx.records.flatMap((r) => acrossAbis(ctx, (abi): RuleFinding[] => {
      const layout = ctx.layout(r, abi);
      if (layout.size % 8 === 0) return [];
      const leaf = first64BitLeaf(ctx.engine(abi), layout);
      if (leaf === undefined) return [];
      const rounded = Math.ceil(layout.size / 8) * 8;
      return [{
        subject: r.path,
        message: `size ${layout.size} is not a multiple of 8 although it holds 64-bit \`${leaf}\`: ABIs that align 64-bit members to 8 make it ${rounded}, so the ioctl size, request number and array stride differ between ABIs; add ${rounded - layout.size} bytes of explicit padding at the end`,
        ...atRecord(r),
      }];
    }));
  },
};
