import * as fs from 'node:fs';
import * as path from 'node:path';
import { issue } from '../../core/diagnostics/issue';
import { formatIssue } from '../../core/diagnostics/format';
import { UserError } from '../../core/diagnostics/user-error';
import { ACCEPTED_CHANGES_FILE, diffJson, diffReport, diffSpecs, expiredIssue, POLICIES, readWaivers, splitExpired, unusedIssue, type DiffSide, type PolicyName, type Waiver } from '../../contract/diff';
import { EXIT_BREAKING, EXIT_OK, type Command, type CommandContext } from '../command';
import { REPORT_FORMATS, renderReport } from '../report-format';
import type { LoadedUapi } from '../../contract/load/load-uapi';
import { abiOption, formatOption, includeOption, loadAllOrFail, newIncludeOption, oldIncludeOption, selectedAbis, selectedFormat } from '../shared-options';
import { COMMAND_SUMMARIES } from './summaries';
import { directoryReferences, type SourceReferences } from '../../frontend/tree/source-references';

function policyOf(ctx: CommandContext): PolicyName {
  const p = (ctx.values['policy'] as string | undefined) ?? 'kernel';
  if (!(POLICIES as readonly string[]).includes(p)) throw new UserError([issue('USAGE_POLICY', '--policy', `unknown policy ${p}; one of ${POLICIES.join(', ')}`)]);
  return p as PolicyName;
}

/** `--accept FILE`, else an accepted-changes.json in the new spec's folder. */
function waiversOf(ctx: CommandContext, newArg: string): Waiver[] {
  const explicit = ctx.values['accept'] as string | undefined;
  const candidate = path.resolve(ctx.io.cwd, newArg, ACCEPTED_CHANGES_FILE);
  const file = explicit !== undefined ? path.resolve(ctx.io.cwd, explicit) : fs.existsSync(candidate) ? candidate : undefined;
  if (file === undefined) return [];
  const r = readWaivers(file);
  if (r.issues.length > 0) throw new UserError(r.issues);
  return r.waivers;
}

/** `--old-tree DIR`: the old kernel's sources, searched for the handlers of removed ioctls. */
function oldSourcesOf(ctx: CommandContext): { oldSources?: SourceReferences } {
  const dir = ctx.values['old-tree'] as string | undefined;
  if (dir === undefined) return {};
  const abs = path.resolve(ctx.io.cwd, dir);
  if (!fs.existsSync(abs) || !fs.statSync(abs).isDirectory()) throw new UserError([issue('USAGE_OLD_TREE', '--old-tree', `${dir} is not a folder: give the old revision's kernel source tree`)]);
  return { oldSources: directoryReferences(abs) };
}

export const diffCommand: Command = {
  name: 'diff',
  summary: COMMAND_SUMMARIES['diff'],
  synopsis: '<old> <new> [--abi A,B|all] [--policy kernel|semver] [--strict] [--format F] [--accept FILE] [-I DIR]... [--old-include DIR]... [--new-include DIR]... [--old-tree DIR]',
  positionals: [2, 2],
  options: {
    abi: abiOption,
    policy: { type: 'string', valueName: 'kernel|semver', description: 'kernel: no break ever (default); semver: breaks need a major bump, additions a minor one' },
    strict: { type: 'boolean', description: 'hazards (breaks only under a condition the input cannot show) fail the verdict too' },
    format: formatOption(REPORT_FORMATS),
    accept: { type: 'string', valueName: 'FILE', description: `accepted changes (default: ${ACCEPTED_CHANGES_FILE} in the new spec's folder)` },
    include: includeOption,
    'old-include': oldIncludeOption,
    'new-include': newIncludeOption,
    'old-tree': { type: 'string', valueName: 'DIR', description: "the old revision's kernel sources: a removed ioctl they no longer name (no handler) is IOCTL_REMOVED_UNSERVED" },
  },
  details: [
    '<old> and <new> are each a spec folder or file, a C header (.h), or REF:path read from git.',
    "A header inside an installed uAPI tree (a folder above it holds linux/types.h: usr/include, include/uapi) is",
    'compiled against that tree, after the folders given: each side against its own tree, per ABI.',
    "--old-tree DIR: the old revision's kernel source tree (a checkout or unpacked release); an ioctl the new header",
    "removed that those sources name nowhere outside uAPI headers, docs and tools, while they name the header's",
    'other ioctls, had no handler there: compatible (IOCTL_REMOVED_UNSERVED) instead of IOCTL_REMOVED.',
    'Exit 1 when the verdict is breaking (an abi, value or behavior break that is not waived; with --strict a hazard too)',
    'or an accepted change is past its expires date, else 0.',
  ].join('\n'),
  async run(ctx) {
    const abis = selectedAbis(ctx);
    const format = selectedFormat(ctx, REPORT_FORMATS);
    const policy = policyOf(ctx);
    const [oldArg, newArg] = ctx.positionals as [string, string];
    // An expired waiver accepts nothing: the change it covered counts again, and the waiver fails the run.
    const { live: waivers, expired } = splitExpired(waiversOf(ctx, newArg));
    const sideDirs = [(ctx.values['old-include'] as string[] | undefined) ?? [], (ctx.values['new-include'] as string[] | undefined) ?? []];
    const [oldU, newU] = (await loadAllOrFail(ctx, [oldArg, newArg], sideDirs)) as [LoadedUapi, LoadedUapi];
    const side = (u: LoadedUapi, label: string): DiffSide => ({ spec: u.spec, label, headerMode: u.origin === 'header', ...(u.variants !== undefined ? { variants: u.variants } : {}), ...(u.facts !== undefined ? { facts: u.facts } : {}) });
    const result = diffSpecs(
      side(oldU, oldArg),
      side(newU, newArg),
      { abis, policy, waivers, strict: ctx.values['strict'] === true, ...oldSourcesOf(ctx) },
    );
    for (const w of result.unusedWaivers) ctx.io.err(`${formatIssue(unusedIssue(w))}\n`);
    for (const w of expired) ctx.io.err(`${formatIssue(expiredIssue(w))}\n`);
    // Changes without a location of their own (SARIF) are placed in the new side's file.
    const source = newU.spec.source !== undefined ? { source: newU.spec.source } : {};
    ctx.io.out(renderReport(format, { ...diffReport(result), ...source }, diffJson(result)));
    return result.verdict === 'breaking' || expired.length > 0 ? EXIT_BREAKING : EXIT_OK;
  },
};
