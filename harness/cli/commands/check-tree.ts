import * as path from 'node:path';
import { formatIssue } from '../../core/diagnostics/format';
import { issue } from '../../core/diagnostics/issue';
import { UserError } from '../../core/diagnostics/user-error';
import { checkTree } from '../../gate/check-tree';
import { git } from '../../frontend/tree/git';
import { treeJson, treeReport } from '../../gate/check-tree-report';
import { EXIT_BREAKING, EXIT_OK, type Command } from '../command';
import { REPORT_FORMATS, renderReport } from '../report-format';
import { abiOption, formatOption, selectedAbis, selectedFormat } from '../shared-options';

export const checkTreeCommand: Command = {
  name: 'check-tree',
  summary: 'kernel-tree mode: check every uAPI header changed between two git revisions, like check-uapi.sh',
  synopsis: '[-b BASE_REF] [-p PAST_REF] [--abi A,B|all] [--format F] [paths...]',
  positionals: [0, Infinity],
  options: {
    base: { type: 'string', short: 'b', valueName: 'BASE_REF', description: 'new side (default: uncommitted uAPI changes if any, else HEAD)' },
    past: { type: 'string', short: 'p', valueName: 'PAST_REF', description: 'old side (default: HEAD with uncommitted changes, else BASE_REF^1)' },
    abi: abiOption,
    format: formatOption(REPORT_FORMATS),
  },
  details: [
    'Run inside a git checkout of a kernel (or any tree with uAPI headers). Compares each changed header under',
    'include/uapi, arch/*/include/uapi and usr/include (or the given paths) on every ABI, with ioctl numbers,',
    'enums and constants. Added headers are reported; removed ones are breaking. Exit 1 when anything breaks.',
  ].join('\n'),
  async run(ctx) {
    const abis = selectedAbis(ctx);
    const format = selectedFormat(ctx, REPORT_FORMATS);
    const topR = git(ctx.io.cwd, ['rev-parse', '--show-toplevel']);
    if (!topR.ok) throw new UserError([issue('TREE_NOT_GIT', ctx.io.cwd, `not inside a git checkout: ${topR.stderr}`)]);
    const top = topR.stdout.trim();
    const paths = ctx.positionals.map((p) => path.relative(top, path.resolve(ctx.io.cwd, p)) || '.');
    const progress = ctx.io.isTty && format === 'text';
    const r = await checkTree(top, {
      ...(ctx.values['base'] !== undefined ? { base: ctx.values['base'] as string } : {}),
      ...(ctx.values['past'] !== undefined ? { past: ctx.values['past'] as string } : {}),
      paths,
      abis,
      ...(progress ? { onHeader: (i: number, n: number, h: { path: string }) => ctx.io.err(`\r[${i + 1}/${n}] ${h.path}\x1b[K`) } : {}),
    });
    if (progress) ctx.io.err('\r\x1b[K');
    if (r.result === undefined) throw new UserError(r.issues);
    for (const w of r.warnings ?? []) ctx.io.err(`${formatIssue(w)}\n`);
    ctx.io.out(renderReport(format, treeReport(r.result), treeJson(r.result)));
    return r.result.verdict === 'breaking' ? EXIT_BREAKING : EXIT_OK;
  },
};
