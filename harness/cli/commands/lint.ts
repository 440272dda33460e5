import { lintJson } from '../../contract/lint/lint-json';
import { lintReport } from '../../contract/lint/lint-report';
import { lintSpec } from '../../contract/lint/lint-spec';
import { lintFailed } from '../../contract/lint/finding';
import { LINT_RULES } from '../../contract/lint/rules';
import { ruleLabel } from '../../contract/lint/rule';
import { REPORT_FORMATS, renderReport } from '../report-format';
import { EXIT_BREAKING, EXIT_OK, type Command } from '../command';
import { abiOption, formatOption, includeOption, loadOrFail, selectedAbis, selectedFormat } from '../shared-options';
import { COMMAND_SUMMARIES } from './summaries';

const RULE_LIST = LINT_RULES.map((r) => `  ${ruleLabel(r).padEnd(30)} ${r.severity.padEnd(8)} ${r.purpose}`).join('\n');

export const lintCommand: Command = {
  name: 'lint',
  summary: COMMAND_SUMMARIES['lint'],
  synopsis: `<uapi> [--format ${REPORT_FORMATS.join('|')}] [--abi A,B|all] [-I DIR]...`,
  positionals: [1, 1],
  options: { format: formatOption(REPORT_FORMATS), abi: abiOption, include: includeOption },
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
    const format = selectedFormat(ctx, REPORT_FORMATS);
    const { spec } = await loadOrFail(ctx, ctx.positionals[0] as string);
    const findings = lintSpec(spec, { abis });
    ctx.io.out(renderReport(format, lintReport(spec, findings, LINT_RULES.map((r) => r.id)), lintJson(spec, findings)));
    return lintFailed(findings) ? EXIT_BREAKING : EXIT_OK;
  },
};
