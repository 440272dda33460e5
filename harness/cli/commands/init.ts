import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE, initialConfigText, loadConfig } from '../../contract/config';
import { issue } from '../../core/diagnostics/issue';
import { UserError } from '../../core/diagnostics/user-error';
import { EXIT_OK, type Command } from '../command';
import { includeOption } from '../shared-options';
import { COMMAND_SUMMARIES } from './summaries';

export const initCommand: Command = {
  name: 'init',
  summary: COMMAND_SUMMARIES['init'],
  synopsis: '[<header.h>...] [-I DIR]... [--force]',
  positionals: [0, Infinity],
  options: {
    include: includeOption,
    force: { type: 'boolean', description: `overwrite an existing ${CONFIG_FILE}` },
  },
  details: `Without headers, lists every spec folder under specs/. The written file is validated at once.`,
  async run(ctx) {
    const file = path.join(ctx.io.cwd, CONFIG_FILE);
    if (fs.existsSync(file) && ctx.values['force'] !== true) {
      throw new UserError([issue('INIT_EXISTS', CONFIG_FILE, 'exists already; use --force to overwrite it')]);
    }
    const include = (ctx.values['include'] as string[] | undefined) ?? [];
    fs.writeFileSync(file, initialConfigText(ctx.io.cwd, ctx.positionals, include));
    const check = loadConfig(ctx.io.cwd);
    if (check.config === undefined) throw new UserError(check.issues);
    ctx.io.out(`wrote ${CONFIG_FILE} with ${check.config.uapis.length} uAPI(s)\n`);
    return EXIT_OK;
  },
};
