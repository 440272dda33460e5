import { lintJson } from '../../contract/lint/lint-json';
import { lintReport } from '../../contract/lint/lint-report';
import { lintSpec } from '../../contract/lint/lint-spec';
import { lintFailed } from '../../contract/lint/finding';
import { LINT_RULES } from '../../contract/lint/rules';
import { ruleLabel } from '../../contract/lint/rule';
import { formatGithub } from '../../report/github';
import { formatJunit } from '../../report/junit';
import { formatMarkdown } from '../../report/markdown';
import type { Report } from '../../report/report';
import { formatText } from '../../report/text';
import { toJson } from '../../core/util/json';
import { EXIT_BREAKING, EXIT_OK, type Command } from '../command';
import { abiOption, formatOption, includeOption, loadOrFail, selectedAbis, selectedFormat } from '../shared-options';
import { COMMAND_SUMMARIES } from './summaries';

const FORMATS = ['text', 'json', 'markdown', 'junit', 'github'] as const;

const WRITERS: { readonly [F in Exclude<(typeof FORMATS)[number], 'json'>]: (r: Report) => string } = {
  text: formatText,
  markdown: formatMarkdown,
  junit: formatJunit,
  github: formatGithub,
};

const RULE_LIST = LINT_RULES.map((r) => `  ${ruleLabel(r).padEnd(30)} ${r.severity.padEnd(8)} ${r.purpose}`).join('\n');

export const lintCommand: Command = {
  name: 'lint',
  summary: COMMAND_SUMMARIES['lint'],
  synopsis: '<uapi> [--format text|json|markdown|junit|github] [--abi A,B|all] [-I DIR]...',
  positionals: [1, 1],
  options: { format: formatOption(FORMATS), abi: abiOption, include: includeOption },
  details: [
    '<uapi> is a spec folder or file, a C header (.h), or REF:path read from git.',
    'Exit 1 when any error-severity finding is not waived. A struct or union waives a rule for itself',
    '(and for ioctls taking it) with lintWaivers: [{ rule, reason }]; waived findings are still listed.',
    '',
    'rules:',
    RULE_LIST,
  ].join('\n'),
  async run(ctx) {
    const abis = selectedAbis(ctx);
    const format = selectedFormat(ctx, FORMATS);
    const { spec } = await loadOrFail(ctx, ctx.positionals[0] as string);
    const findings = lintSpec(spec, { abis });
    if (format === 'json') ctx.io.out(toJson(lintJson(spec, findings)) + '\n');
    else ctx.io.out(WRITERS[format](lintReport(spec, findings, LINT_RULES.map((r) => r.id))));
    return lintFailed(findings) ? EXIT_BREAKING : EXIT_OK;
  },
};
