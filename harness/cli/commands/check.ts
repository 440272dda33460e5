import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkJson, checkReport, checkResult, checkUapi, formatCheckText, type StepResult } from '../../gate';
import { CHECK_OUTPUT_FILES, writeCheckOutputs } from '../../gate/out';
import type { CheckedUapi } from '../../gate/html';
import { formatIssue } from '../../core/diagnostics/format';
import { hasErrors, issue } from '../../core/diagnostics/issue';
import { UserError } from '../../core/diagnostics/user-error';
import { ACCEPTED_CHANGES_FILE, POLICIES, readWaivers, type PolicyName, type Waiver } from '../../contract/diff';
import { formatGithub, formatMarkdown, formatSarif } from '../../report';
import { formatCheckJunit } from '../../gate/out-junit';
import { toJson } from '../../core/util/json';
import { EXIT_BREAKING, EXIT_OK, type Command } from '../command';
import { abiOption, formatOption, selectedFormat } from '../shared-options';
import { parseAbiList } from '../../core/layout/abi';
import { configOption, projectConfig, projectTargets } from '../targets';
import { COMMAND_SUMMARIES } from './summaries';
import { backendOptions, selectedBackend } from '../backend-option';

const FORMATS = ['text', 'json', 'markdown', 'junit', 'github', 'sarif'] as const;

function waiversIn(folder: string): Waiver[] {
  const file = path.join(folder, ACCEPTED_CHANGES_FILE);
  if (!fs.existsSync(file)) return [];
  const r = readWaivers(file);
  if (r.issues.length > 0) throw new UserError(r.issues);
  return r.waivers;
}

export const checkCommand: Command = {
  name: 'check',
  summary: COMMAND_SUMMARIES['check'],
  synopsis: '[<spec>...] [--policy kernel|semver] [--format F] [--abi A,B|all] [--dir DIR] [--out DIR] [--backend emulated|native] [--device PATH]',
  positionals: [0, Infinity],
  options: {
    policy: { type: 'string', valueName: 'kernel|semver', description: 'version policy for the release diffs (default kernel: nothing may break)' },
    format: formatOption(FORMATS),
    abi: abiOption,
    dir: { type: 'string', valueName: 'DIR', description: 'snapshots folder (default: the configuration\'s, snapshots/)' },
    config: configOption,
    out: { type: 'string', valueName: 'DIR', description: `where to write ${CHECK_OUTPUT_FILES.join(', ')} (default: the configuration's, reports/)` },
    ...backendOptions,
  },
  details: [
    'Without <spec>, the uAPIs of uapi.config.json (default: every folder under specs/) are checked;',
    'the configuration also gives the default ABIs, policy and snapshots folder. For each: the committed goldens of the working',
    `version; a diff against every frozen release in snapshots/<uapi>/<version>/spec.json (waivers from`,
    `${ACCEPTED_CHANGES_FILE} in the spec folder); the lint rules; for a uAPI the emulated core speaks, the`,
    'quick property suite, then for every release its userspace\'s suite on the current core and the replay',
    'of its golden ioctl trace (snapshots/<uapi>/<version>/trace.json). With --backend native, the quick',
    'property suite runs against the running kernel instead (real ioctl(2); specs/userfaultfd), and only it;',
    'a uAPI only a native device speaks has a skipped behaviour step without it. Exit 1 when any step fails.',
    `Besides the terminal output, writes ${CHECK_OUTPUT_FILES.join(', ')} into --out DIR: the JSON of`,
    '--format json, a PR-comment summary, JUnit for CI dashboards, SARIF 2.1.0 for code scanning, and a self-contained HTML page with',
    'struct layout diagrams (old against new for every changed type).',
  ].join('\n'),
  async run(ctx) {
    const format = selectedFormat(ctx, FORMATS);
    const { backend, node } = selectedBackend(ctx);
    const config = projectConfig(ctx);
    const abiArg = (ctx.values['abi'] as string | undefined) ?? config.abis;
    const parsedAbis = parseAbiList(abiArg);
    if (parsedAbis.unknown.length > 0 || parsedAbis.abis.length === 0) throw new UserError([issue('USAGE_ABI', '--abi', `unknown ABI ${parsedAbis.unknown.join(', ')}`)]);
    const abis = parsedAbis.abis;
    const policy = ((ctx.values['policy'] as string | undefined) ?? config.policy) as PolicyName;
    if (!POLICIES.includes(policy)) throw new UserError([issue('USAGE_POLICY', '--policy', `unknown policy ${policy}; one of ${POLICIES.join(', ')}`)]);
    const snapshotsRoot = path.resolve(ctx.io.cwd, (ctx.values['dir'] as string | undefined) ?? path.resolve(config.root, config.snapshots));
    const targets = await projectTargets(ctx, config);
    if (targets.length === 0) throw new UserError([issue('CHECK_NO_SPECS', 'specs/', 'no uAPI to check: no spec folders under specs/ and none configured; name one')]);
    const steps: StepResult[] = [];
    const uapis: CheckedUapi[] = [];
    for (const t of targets) {
      const spec = t.uapi.spec;
      uapis.push({ spec, argument: t.argument });
      const r = checkUapi({ spec, argument: t.argument, waivers: t.folder !== undefined ? waiversIn(t.folder) : [] }, { snapshotsRoot, abis, policy, cwd: ctx.io.cwd, quickRuns: config.budgets.quickRuns, backend, ...(node !== undefined ? { node } : {}) });
      if (hasErrors(r.issues)) throw new UserError(r.issues);
      for (const i of r.issues) ctx.io.err(`${formatIssue(i)}\n`);
      steps.push(...r.steps);
    }
    const result = checkResult(steps);
    const outDir = path.resolve(ctx.io.cwd, (ctx.values['out'] as string | undefined) ?? path.resolve(config.root, config.reports));
    const command = ['npx uapi check', ...ctx.positionals, ...['config', 'policy', 'abi', 'dir', 'out', 'backend', 'device'].flatMap((o) => (typeof ctx.values[o] === 'string' ? [`--${o} ${ctx.values[o] as string}`] : []))].join(' ');
    const out = writeCheckOutputs(outDir, { result, uapis, abis, command });
    if (out.issues.length > 0) throw new UserError(out.issues);
    ctx.io.err(`reports written to ${path.relative(ctx.io.cwd, outDir) || '.'}/ (${CHECK_OUTPUT_FILES.join(', ')})\n`);
    if (format === 'json') ctx.io.out(toJson(checkJson(result)) + '\n');
    else if (format === 'text') ctx.io.out(formatCheckText(result));
    else if (format === 'junit') ctx.io.out(formatCheckJunit(result));
    else ctx.io.out({ markdown: formatMarkdown, github: formatGithub, sarif: formatSarif }[format](checkReport(result, uapis)));
    return result.verdict === 'fail' ? EXIT_BREAKING : EXIT_OK;
  },
};
