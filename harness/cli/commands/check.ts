import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkJson, checkReport, checkResult, checkUapi, formatCheckText, type StepResult } from '../../check';
import { issue } from '../../diagnostics/issue';
import { UserError } from '../../diagnostics/user-error';
import { ACCEPTED_CHANGES_FILE, POLICIES, readWaivers, type PolicyName, type Waiver } from '../../diff';
import { discoverSpecFolders } from '../../snapshot';
import { formatGithub, formatJunit, formatMarkdown } from '../../report';
import { toJson } from '../../util/json';
import { EXIT_BREAKING, EXIT_OK, type Command } from '../command';
import { abiOption, formatOption, loadOrFail, selectedAbis, selectedFormat } from '../shared-options';

const FORMATS = ['text', 'json', 'markdown', 'junit', 'github'] as const;

function waiversIn(folder: string): Waiver[] {
  const file = path.join(folder, ACCEPTED_CHANGES_FILE);
  if (!fs.existsSync(file)) return [];
  const r = readWaivers(file);
  if (r.issues.length > 0) throw new UserError(r.issues);
  return r.waivers;
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'the gate: goldens, diff against every release, lint',
  synopsis: '[<spec>...] [--policy kernel|semver] [--format F] [--abi A,B|all] [--dir DIR]',
  positionals: [0, Infinity],
  options: {
    policy: { type: 'string', valueName: 'kernel|semver', description: 'version policy for the release diffs (default kernel: nothing may break)' },
    format: formatOption(FORMATS),
    abi: abiOption,
    dir: { type: 'string', valueName: 'DIR', description: 'snapshots folder (default snapshots/)' },
  },
  details: [
    'Without <spec>, every folder under specs/ is checked. For each: the committed goldens of the working',
    `version; a diff against every frozen release in snapshots/<uapi>/<version>/spec.json (waivers from`,
    `${ACCEPTED_CHANGES_FILE} in the spec folder); the lint rules. Exit 1 when any step fails.`,
  ].join('\n'),
  async run(ctx) {
    const format = selectedFormat(ctx, FORMATS);
    const abis = selectedAbis(ctx);
    const policy = ((ctx.values['policy'] as string | undefined) ?? 'kernel') as PolicyName;
    if (!POLICIES.includes(policy)) throw new UserError([issue('USAGE_POLICY', '--policy', `unknown policy ${policy}; one of ${POLICIES.join(', ')}`)]);
    const snapshotsRoot = path.resolve(ctx.io.cwd, (ctx.values['dir'] as string | undefined) ?? 'snapshots');
    const folders = ctx.positionals.length > 0 ? ctx.positionals : discoverSpecFolders(ctx.io.cwd);
    if (folders.length === 0) throw new UserError([issue('CHECK_NO_SPECS', 'specs/', 'no spec folders found (specs/<name>/spec.ts); name one')]);
    const steps: StepResult[] = [];
    for (const f of folders) {
      const { spec } = await loadOrFail(ctx, f);
      const r = checkUapi({ spec, argument: f, waivers: waiversIn(path.resolve(ctx.io.cwd, f)) }, { snapshotsRoot, abis, policy });
      if (r.issues.length > 0) throw new UserError(r.issues);
      steps.push(...r.steps);
    }
    const result = checkResult(steps);
    if (format === 'json') ctx.io.out(toJson(checkJson(result)) + '\n');
    else if (format === 'text') ctx.io.out(formatCheckText(result));
    else ctx.io.out({ markdown: formatMarkdown, junit: formatJunit, github: formatGithub }[format](checkReport(result)));
    return result.verdict === 'fail' ? EXIT_BREAKING : EXIT_OK;
  },
};
