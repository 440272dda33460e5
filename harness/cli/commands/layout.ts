import { formatLayoutText } from '../../core/layout/format-text';
import { layoutReport } from '../../core/layout/spec-layout';
import { specForAbi } from '../../frontend/import/target-variants';
import { toJson } from '../../core/util/json';
import { EXIT_OK, type Command } from '../command';
import { abiOption, formatOption, includeOption, loadOrFail, selectedAbis, selectedFormat } from '../shared-options';
import { COMMAND_SUMMARIES } from './summaries';

const FORMATS = ['text', 'json'] as const;

export const layoutCommand: Command = {
  name: 'layout',
  summary: COMMAND_SUMMARIES['layout'],
  synopsis: '<uapi> [--abi A,B|all] [--format text|json] [-I DIR]...',
  positionals: [1, 1],
  options: { abi: abiOption, format: formatOption(FORMATS), include: includeOption },
  details: '<uapi> is a spec folder or file, a C header (.h), or REF:path read from git.',
  async run(ctx) {
    const abis = selectedAbis(ctx);
    const format = selectedFormat(ctx, FORMATS);
    const { spec, variants } = await loadOrFail(ctx, ctx.positionals[0] as string);
    // A target-dependent header is laid out on each ABI from that ABI's own variant.
    const specOf = (a: (typeof abis)[number]): typeof spec => specForAbi(spec, variants, a.name);
    if (format === 'json') ctx.io.out(toJson({ ...layoutReport(spec, []), layouts: abis.flatMap((a) => layoutReport(specOf(a), [a]).layouts) }) + '\n');
    else ctx.io.out(abis.map((a) => formatLayoutText(specOf(a), a)).join('\n'));
    return EXIT_OK;
  },
};
