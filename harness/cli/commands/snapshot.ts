import * as path from 'node:path';
import { issue } from '../../diagnostics/issue';
import { UserError } from '../../diagnostics/user-error';
import { parseAbiList } from '../../layout/abi';
import { compareGoldens, goldenFiles, writeGoldens, type GoldenResult } from '../../snapshot';
import { EXIT_BREAKING, EXIT_OK, type Command } from '../command';
import { configOption, projectConfig, projectTargets } from '../targets';

export const snapshotCommand: Command = {
  name: 'snapshot',
  summary: 'compare the golden layout files with the specs (default), or rewrite them with --update',
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
  ].join('\n'),
  async run(ctx) {
    const update = ctx.values['update'] === true;
    const ci = ctx.io.env['CI'];
    if (update && ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0') {
      throw new UserError([issue('SNAPSHOT_CI', '--update', 'refusing to rewrite goldens when CI is set: goldens change only in a reviewed commit')]);
    }
    const config = projectConfig(ctx);
    const root = path.resolve(ctx.io.cwd, (ctx.values['dir'] as string | undefined) ?? path.resolve(config.root, config.snapshots));
    const targets = await projectTargets(ctx, config);
    if (targets.length === 0) throw new UserError([issue('SNAPSHOT_NO_SPECS', 'specs/', 'no uAPI to snapshot: no spec folders under specs/ and none configured')]);
    const abis = parseAbiList('all').abis;
    const results: GoldenResult[] = [];
    for (const t of targets) results.push(...compareGoldens(root, goldenFiles(t.uapi.spec, abis)));
    const rel = path.relative(ctx.io.cwd, root) || '.';
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
    const args = ctx.positionals.length > 0 ? ` ${ctx.positionals.join(' ')}` : '';
    ctx.io.out(`\n${bad.length} of ${results.length} golden file(s) differ. If the change is intended, accept it with:\n  npx uapi snapshot${args} --update\nand commit the goldens for review.\n`);
    return EXIT_BREAKING;
  },
};
