import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatIssue } from '../../core/diagnostics/format';
import semverValid = require('semver/functions/valid');
import { hasErrors, issue } from '../../core/diagnostics/issue';
import { UserError } from '../../core/diagnostics/user-error';
import { importHeader, specNameOf } from '../../frontend/import';
import { annotationsTemplate, writeDsl } from '../../frontend/import/write-dsl';
import { EXIT_OK, EXIT_USAGE, type Command } from '../command';
import { headerIncludeDirs } from '../../contract/load/include-root';
import { includeDirsOf, includeOption } from '../shared-options';
import { COMMAND_SUMMARIES } from './summaries';

export const importCommand: Command = {
  name: 'import',
  summary: COMMAND_SUMMARIES['import'],
  synopsis: '<header.h> [--name N] [--version V] [--out DIR] [-I DIR]...',
  positionals: [1, 1],
  options: {
    name: { type: 'string', valueName: 'N', description: 'spec name (default: the file name without .h)' },
    version: { type: 'string', valueName: 'V', description: 'spec version (default 0.0.0)' },
    out: { type: 'string', valueName: 'DIR', description: 'output folder (default specs/<name>)' },
    include: includeOption,
  },
  details: [
    'Reads the header through clang and writes DIR/spec.ts (rewritten on every import) and, when it does',
    'not exist yet, DIR/annotations.ts, where pad/reserved roles, flag groups, errno and size-extensible',
    'ioctls are added by hand. spec.ts merges it in; annotations are never overwritten.',
  ].join('\n'),
  async run(ctx) {
    const header = ctx.positionals[0] as string;
    const name = (ctx.values['name'] as string | undefined) ?? specNameOf(header);
    const version = ctx.values['version'] as string | undefined;
    // Checked before clang runs: a spec written with a bad version would not load afterwards.
    if (version !== undefined && semverValid(version) === null) throw new UserError([issue('USAGE_VERSION', '--version', `"${version}" is not a semantic version (x.y.z, for example 1.0.0)`)]);
    const out = path.resolve(ctx.io.cwd, (ctx.values['out'] as string | undefined) ?? path.join('specs', name));
    if (fs.existsSync(out) && !fs.statSync(out).isDirectory()) throw new UserError([issue('USAGE_OUT', '--out', `${path.relative(ctx.io.cwd, out) || out} is a file: --out names the folder spec.ts and annotations.ts are written into`)]);
    const dirs = headerIncludeDirs(header, includeDirsOf(ctx), header, ctx.io.cwd);
    if (dirs.note !== undefined) ctx.io.err(`${formatIssue(dirs.note)}\n`);
    const r = await importHeader(path.resolve(ctx.io.cwd, header), {
      includeDirs: dirs.includeDirs,
      name,
      ...(version !== undefined ? { version } : {}),
      displayName: header,
    });
    const shown = r.issues.filter((i) => i.severity !== 'info');
    for (const i of shown) ctx.io.err(`${formatIssue(i)}\n`);
    if (r.spec === undefined || hasErrors(r.issues)) return EXIT_USAGE;
    // The header as the spec file's folder reaches it, so that the spec still finds it after the
    // project moves (findings about imported declarations point at the header's lines).
    const headerFromSpec = path.relative(out, path.resolve(ctx.io.cwd, header)).split(path.sep).join('/');
    const dsl = writeDsl(r.spec, header, headerFromSpec);
    for (const i of dsl.issues) ctx.io.err(`${formatIssue(i)}\n`);
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'spec.ts'), dsl.text);
    const annotations = path.join(out, 'annotations.ts');
    const created = !fs.existsSync(annotations);
    if (created) fs.writeFileSync(annotations, annotationsTemplate(r.spec, header));
    const s = r.spec;
    ctx.io.out(`imported ${header}: ${s.records.length} structs/unions, ${s.enums.length} enums, ${s.constants.length} constants, ${s.ioctls.length} ioctls\n`);
    ctx.io.out(`wrote ${path.join(out, 'spec.ts')}\n`);
    ctx.io.out(created ? `wrote ${annotations}\n` : `kept ${annotations}\n`);
    return EXIT_OK;
  },
};
