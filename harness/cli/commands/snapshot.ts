import * as path from 'node:path';
import { issue } from '../../core/diagnostics/issue';
import { UserError } from '../../core/diagnostics/user-error';
import { parseAbiList } from '../../core/layout/abi';
import { formatIssue } from '../../core/diagnostics/format';
import { isReleased } from '../../contract/release/store-layout';
import { compareGoldens, goldenFiles, versionDir, writeGoldens, type GoldenResult } from '../../contract/snapshot';
import { readReleasesOrFail } from '../read-releases';
import { EXIT_BREAKING, EXIT_OK, type Command } from '../command';
import { configOption, projectConfig, projectTargets } from '../targets';
import { COMMAND_SUMMARIES } from './summaries';

export const snapshotCommand: Command = {
  name: 'snapshot',
  summary: COMMAND_SUMMARIES['snapshot'],
  synopsis: '[<spec>...] [--update] [--dir DIR]',
  positionals: [0, Infinity],
  options: {
    update: { type: 'boolean', description: 'rewrite the goldens that differ (refused when CI is set)' },
    dir: { type: 'string', valueName: 'DIR', description: 'snapshots folder (default: the configuration\'s, snapshots/)' },
    config: configOption,
  },
  details: [
    'Without <spec>, the uAPIs of uapi.config.json (default: every folder under specs/) are covered. Goldens are snapshots/<uapi>/<version>/<abi>.txt',
    '(pahole-like, for review) and <abi>.json (the layout contract JSON), for all eight ABIs.',
    'Exit 1 when a golden differs or is missing; the diff and the command that accepts it are printed.',
    'Every release is verified first (exit 2 when one is damaged). The goldens of a released version are',
    'frozen: when the spec no longer matches them, --update refuses (exit 2) and says to bump the version.',
  ].join('\n'),
  async run(ctx) {
    const update = ctx.values['update'] === true;
    // CI systems set CI (to true, 1, or even to nothing): only an explicit false or 0 means not on CI.
    const ci = ctx.io.env['CI'];
    if (update && ci !== undefined && ci !== 'false' && ci !== '0') {
      throw new UserError([issue('SNAPSHOT_CI', '--update', 'refusing to rewrite goldens when CI is set: goldens change only in a reviewed commit')]);
    }
    const config = projectConfig(ctx);
    const root = path.resolve(ctx.io.cwd, (ctx.values['dir'] as string | undefined) ?? path.resolve(config.root, config.snapshots));
    const targets = await projectTargets(ctx, config);
    if (targets.length === 0) throw new UserError([issue('SNAPSHOT_NO_SPECS', 'specs/', 'no uAPI to snapshot: no spec folders under specs/ and none configured')]);
    const abis = parseAbiList('all').abis;
    const results: GoldenResult[] = [];
    const released: string[] = [];
    for (const t of targets) {
      // Every release is verified before goldens are compared or written beside it.
      readReleasesOrFail(ctx, root, t.uapi.spec.name);
      const dir = path.join(root, versionDir(t.uapi.spec));
      const mine = compareGoldens(root, goldenFiles(t.uapi.spec, abis));
      if (isReleased(dir) && mine.some((r) => r.status !== 'same')) released.push(t.argument);
      results.push(...mine);
    }
    const rel = path.relative(ctx.io.cwd, root) || '.';
    if (released.length > 0) {
      // A frozen release is never rewritten: the spec changed without a new version.
      const problems = targets.filter((t) => released.includes(t.argument)).map((t) => {
        const dir = path.join(rel, versionDir(t.uapi.spec));
        return issue('SNAPSHOT_RELEASED', `${t.uapi.spec.name} ${t.uapi.spec.version}`, `the spec differs from release ${t.uapi.spec.version} (${dir}), which is frozen and never rewritten: bump the version in ${t.argument}, then run \`npx uapi snapshot --update\` to write the goldens of the new version`, { file: dir, line: 1, col: 1 });
      });
      if (update) throw new UserError(problems);
      for (const p of problems) ctx.io.err(`${formatIssue(p)}\n`);
    }
    if (update) {
      const written = writeGoldens(root, results);
      for (const w of written) ctx.io.out(`wrote ${path.join(rel, w)}\n`);
      ctx.io.out(`${written.length} golden file(s) written, ${results.length - written.length} unchanged\n`);
      return EXIT_OK;
    }
    const bad = results.filter((r) => r.status !== 'same');
    for (const r of bad) {
      if (r.status === 'missing') ctx.io.out(`${path.join(rel, r.file.relPath)}: missing golden\n`);
      else ctx.io.out(r.diff ?? '');
    }
    if (bad.length === 0) {
      ctx.io.out(`${results.length} golden file(s) match\n`);
      return EXIT_OK;
    }
    if (released.length > 0) return EXIT_BREAKING;
    const args = ctx.positionals.length > 0 ? ` ${ctx.positionals.join(' ')}` : '';
    ctx.io.out(`\n${bad.length} of ${results.length} golden file(s) differ. If the change is intended, accept it with:\n  npx uapi snapshot${args} --update\nand commit the goldens for review.\n`);
    return EXIT_BREAKING;
  },
};
