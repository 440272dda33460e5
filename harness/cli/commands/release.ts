import * as fs from 'node:fs';
import * as path from 'node:path';
import { issue } from '../../diagnostics/issue';
import { UserError } from '../../diagnostics/user-error';
import { ACCEPTED_CHANGES_FILE, POLICIES, readWaivers, type PolicyName } from '../../diff';
import { parseAbiList } from '../../layout/abi';
import { freezeRelease } from '../../release/freeze';
import { EXIT_OK, type Command } from '../command';
import { configOption, projectConfig, projectTargets } from '../targets';


export const releaseCommand: Command = {
  name: 'release',
  summary: 'freeze the working spec version into snapshots/<uapi>/<version>/',
  synopsis: '[<spec>] [--policy kernel|semver] [--dir DIR]',
  positionals: [0, 1],
  options: {
    policy: { type: 'string', valueName: 'kernel|semver', description: 'how the new release may differ from earlier ones (default kernel)' },
    dir: { type: 'string', valueName: 'DIR', description: 'snapshots folder (default: the configuration\'s, snapshots/)' },
    config: configOption,
  },
  details: [
    'Writes spec.json (the canonical spec) beside the goldens of the version, and trace.json: the golden',
    'ioctl trace of the release\'s suite on the emulated core (for a uAPI the core speaks), which uapi check',
    'replays on every later core. Refuses when that release exists (releases are never rewritten), when the',
    'goldens differ, when the version is not above every release, when the spec breaks any release under',
    'the policy, or when the suite fails. Without <spec>, the configuration\'s only uAPI (by default the',
    'only folder under specs/).',
  ].join('\n'),
  async run(ctx) {
    const config = projectConfig(ctx);
    const policy = ((ctx.values['policy'] as string | undefined) ?? config.policy) as PolicyName;
    if (!POLICIES.includes(policy)) throw new UserError([issue('USAGE_POLICY', '--policy', `unknown policy ${policy}; one of ${POLICIES.join(', ')}`)]);
    const targets = await projectTargets(ctx, config);
    if (targets.length !== 1) throw new UserError([issue('USAGE_RELEASE', 'specs/', `name the uAPI to release (found ${targets.length}: ${targets.map((t) => t.argument).join(', ') || 'none'})`)]);
    const target = targets[0] as (typeof targets)[number];
    const spec = target.uapi.spec;
    const accepted = target.folder !== undefined ? path.join(target.folder, ACCEPTED_CHANGES_FILE) : undefined;
    const w = accepted !== undefined && fs.existsSync(accepted) ? readWaivers(accepted) : { waivers: [], issues: [] };
    if (w.issues.length > 0) throw new UserError(w.issues);
    const snapshotsRoot = path.resolve(ctx.io.cwd, (ctx.values['dir'] as string | undefined) ?? path.resolve(config.root, config.snapshots));
    const r = freezeRelease(spec, { snapshotsRoot, abis: parseAbiList('all').abis, policy, waivers: w.waivers });
    if (r.written === undefined) throw new UserError(r.issues);
    ctx.io.out(`released ${spec.name} ${spec.version}: ${path.relative(ctx.io.cwd, r.written)}${r.trace !== undefined ? `, ${path.relative(ctx.io.cwd, r.trace)}` : ''}\n`);
    return EXIT_OK;
  },
};
