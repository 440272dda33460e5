import * as fs from 'node:fs';
import * as path from 'node:path';
import { issue } from '../../diagnostics/issue';
import { UserError } from '../../diagnostics/user-error';
import { ACCEPTED_CHANGES_FILE, POLICIES, readWaivers, type PolicyName } from '../../diff';
import { parseAbiList } from '../../layout/abi';
import { freezeRelease } from '../../release/freeze';
import { discoverSpecFolders } from '../../snapshot';
import { EXIT_OK, type Command } from '../command';
import { loadOrFail } from '../shared-options';


export const releaseCommand: Command = {
  name: 'release',
  summary: 'freeze the working spec version into snapshots/<uapi>/<version>/',
  synopsis: '[<spec>] [--policy kernel|semver] [--dir DIR]',
  positionals: [0, 1],
  options: {
    policy: { type: 'string', valueName: 'kernel|semver', description: 'how the new release may differ from earlier ones (default kernel)' },
    dir: { type: 'string', valueName: 'DIR', description: 'snapshots folder (default snapshots/)' },
  },
  details: [
    'Writes spec.json (the canonical spec) beside the goldens of the version. Refuses when that release',
    'exists (releases are never rewritten), when the goldens differ, when the version is not above every',
    'release, or when the spec breaks any release under the policy. Without <spec>, the only spec folder.',
  ].join('\n'),
  async run(ctx) {
    const policy = ((ctx.values['policy'] as string | undefined) ?? 'kernel') as PolicyName;
    if (!POLICIES.includes(policy)) throw new UserError([issue('USAGE_POLICY', '--policy', `unknown policy ${policy}; one of ${POLICIES.join(', ')}`)]);
    const folders = ctx.positionals.length > 0 ? [...ctx.positionals] : discoverSpecFolders(ctx.io.cwd);
    if (folders.length !== 1) throw new UserError([issue('USAGE_RELEASE', 'specs/', `name the spec to release (found ${folders.length}: ${folders.join(', ') || 'none'})`)]);
    const folder = folders[0] as string;
    const { spec } = await loadOrFail(ctx, folder);
    const accepted = path.resolve(ctx.io.cwd, folder, ACCEPTED_CHANGES_FILE);
    const w = fs.existsSync(accepted) ? readWaivers(accepted) : { waivers: [], issues: [] };
    if (w.issues.length > 0) throw new UserError(w.issues);
    const snapshotsRoot = path.resolve(ctx.io.cwd, (ctx.values['dir'] as string | undefined) ?? 'snapshots');
    const r = freezeRelease(spec, { snapshotsRoot, abis: parseAbiList('all').abis, policy, waivers: w.waivers });
    if (r.written === undefined) throw new UserError(r.issues);
    ctx.io.out(`released ${spec.name} ${spec.version}: ${path.relative(ctx.io.cwd, r.written)}\n`);
    return EXIT_OK;
  },
};
