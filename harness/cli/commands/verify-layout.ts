import * as fs from 'node:fs';
import { specForAbi } from '../../frontend/import/target-variants';
import type { Abi } from '../../core/layout/abi';
import { parseGitRef } from '../../contract/load/git-ref';
import type { Spec } from '../../core/model/model';
import { formatVerifyJson, formatVerifyText } from '../../frontend/oracle/format-verify';
import { verifyLayout } from '../../frontend/oracle/verify-layout';
import { EXIT_BREAKING, EXIT_OK, EXIT_USAGE, type Command } from '../command';
import { abiOption, formatOption, includeDirsOf, includeOption, loadOrFail, selectedAbis, selectedFormat } from '../shared-options';
import { COMMAND_SUMMARIES } from './summaries';

const FORMATS = ['text', 'json'] as const;

export const verifyLayoutCommand: Command = {
  name: 'verify-layout',
  summary: COMMAND_SUMMARIES['verify-layout'],
  synopsis: '<uapi> [--abi A,B|all] [--format text|json] [-I DIR]...',
  positionals: [1, 1],
  options: { abi: abiOption, format: formatOption(FORMATS), include: includeOption },
  details: [
    'Compiles a probe with clang for each ABI (--target=<triple>, no sysroot) and compares every size,',
    'alignment, field and bit-field offset, field size, enum size and value, constant and ioctl request',
    'number with the layout engine. A header (.h) is compiled as it is; a spec is first written out as a',
    'C header. Exit 0: all agree; 1: any mismatch (each listed with both values); 2: bad input or no clang.',
  ].join('\n'),
  async run(ctx) {
    const abis = selectedAbis(ctx);
    const format = selectedFormat(ctx, FORMATS);
    const argument = ctx.positionals[0] as string;
    // A header is measured with the folders it was imported with (its own tree among them).
    const { spec, variants, includeDirs = includeDirsOf(ctx) } = await loadOrFail(ctx, argument);
    const isHeaderOnDisk = parseGitRef(argument) === undefined && argument.endsWith('.h') && fs.existsSync(argument);
    // A target-dependent header is checked on each ABI with that ABI's variant, as layout and diff use it.
    const specFor = (a: Abi): Spec => specForAbi(spec, variants, a.name);
    const result = await verifyLayout(spec, isHeaderOnDisk ? { kind: 'header', file: argument, displayName: argument } : { kind: 'spec' }, { abis, includeDirs, specFor });
    const names = abis.map((a) => a.name);
    const text = format === 'json' ? formatVerifyJson(argument, names, result) : formatVerifyText(argument, names, result);
    if (result.issues.length > 0) {
      ctx.io.err(text);
      return EXIT_USAGE;
    }
    ctx.io.out(text);
    return result.mismatches.length > 0 ? EXIT_BREAKING : EXIT_OK;
  },
};
