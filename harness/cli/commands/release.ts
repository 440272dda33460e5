import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatIssue } from '../../core/diagnostics/format';
import { issue, type Issue } from '../../core/diagnostics/issue';
import { UserError } from '../../core/diagnostics/user-error';
import { ACCEPTED_CHANGES_FILE, POLICIES, readWaivers, type PolicyName } from '../../contract/diff';
import { parseAbiList } from '../../core/layout/abi';
import { freezeRelease } from '../../gate/freeze';
import { sealReleases } from '../../contract/release/seal-release';
import { EXIT_OK, type Command } from '../command';
import { configOption, projectConfig, projectTargets } from '../targets';
import { COMMAND_SUMMARIES } from './summaries';


export const releaseCommand: Command = {
  name: 'release',
  summary: COMMAND_SUMMARIES['release'],
  synopsis: '[<spec>] [--policy kernel|semver] [--dir DIR] | --manifest [<spec>...]',
  positionals: [0, Infinity],
  options: {
    policy: { type: 'string', valueName: 'kernel|semver', description: 'how the new release may differ from earlier ones (default kernel)' },
    dir: { type: 'string', valueName: 'DIR', description: 'snapshots folder (default: the configuration\'s, snapshots/)' },
    manifest: { type: 'boolean', description: 'seal the releases frozen before manifests existed: write their SHA256SUMS once their goldens recompute identically' },
    config: configOption,
  },
  details: [
    'Writes spec.json (the canonical spec) beside the goldens of the version, and trace.json: the golden',
    'ioctl trace of the release\'s suite on the emulated core (for a uAPI the core speaks), which uapi check',
    'replays on every later core, and beside the release the golden results of its C client suite per ABI',
    '(snapshots/<uapi>/binary-results/<version>/). Refuses when that release exists (releases are never',
    'rewritten), when the goldens differ, when the version is not above every release, when the spec',
    'breaks any release under the policy, or when the suite fails. Without <spec>, the configuration\'s',
    'only uAPI (by default the only folder under specs/). The release is written into a staging folder',
    'beside its target under an exclusive lock (a second writer gets exit 2) and renamed into place when',
    'complete, SHA256SUMS last; what an interrupted release left is removed first, and said so. --manifest',
    'seals older releases.',
  ].join('\n'),
  async run(ctx) {
    const config = projectConfig(ctx);
    const snapshotsRoot = path.resolve(ctx.io.cwd, (ctx.values['dir'] as string | undefined) ?? path.resolve(config.root, config.snapshots));
    const show = (issues: readonly Issue[]): void => { for (const i of issues) ctx.io.err(`${formatIssue(i)}\n`); };
    if (ctx.values['manifest'] === true) {
      let sealed = 0;
      for (const t of await projectTargets(ctx, config)) {
        const r = sealReleases(snapshotsRoot, t.uapi.spec.name, ctx.io.cwd);
        show(r.notes);
        if (r.issues.length > 0) throw new UserError(r.issues);
        for (const f of r.sealed) ctx.io.out(`sealed ${path.relative(ctx.io.cwd, path.dirname(f))}: wrote ${path.relative(ctx.io.cwd, f)}\n`);
        sealed += r.sealed.length;
      }
      ctx.io.out(sealed === 0 ? 'every release has its manifest; nothing to seal\n' : `${sealed} release(s) sealed: review and commit the SHA256SUMS files\n`);
      return EXIT_OK;
    }
    const policy = ((ctx.values['policy'] as string | undefined) ?? config.policy) as PolicyName;
    if (!POLICIES.includes(policy)) throw new UserError([issue('USAGE_POLICY', '--policy', `unknown policy ${policy}; one of ${POLICIES.join(', ')}`)]);
    const targets = await projectTargets(ctx, config);
    if (targets.length !== 1) throw new UserError([issue('USAGE_RELEASE', 'specs/', `name the uAPI to release (found ${targets.length}: ${targets.map((t) => t.argument).join(', ') || 'none'})`)]);
    const target = targets[0] as (typeof targets)[number];
    const spec = target.uapi.spec;
    const accepted = target.folder !== undefined ? path.join(target.folder, ACCEPTED_CHANGES_FILE) : undefined;
    const w = accepted !== undefined && fs.existsSync(accepted) ? readWaivers(accepted) : { waivers: [], issues: [] };
    if (w.issues.length > 0) throw new UserError(w.issues);
    const r = freezeRelease(spec, { snapshotsRoot, abis: parseAbiList('all').abis, policy, waivers: w.waivers, cwd: ctx.io.cwd });
    show(r.notes);
    if (r.written === undefined) throw new UserError(r.issues);
    ctx.io.out(`released ${spec.name} ${spec.version}: ${path.relative(ctx.io.cwd, r.written)}${r.trace !== undefined ? `, ${path.relative(ctx.io.cwd, r.trace)}` : ''}\n`);
    for (const b of r.binaryResults ?? []) ctx.io.out(`recorded ${path.relative(ctx.io.cwd, b)}\n`);
    return EXIT_OK;
  },
};
