import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadConfig, type Config, type UapiEntry } from '../contract/config';
import { UserError } from '../core/diagnostics/user-error';
import { formatIssue } from '../core/diagnostics/format';
import { loadUapi, type LoadedUapi } from '../contract/load/load-uapi';
import type { CommandContext, OptionSpec } from './command';
import { includeDirsOf } from './shared-options';

export const configOption: OptionSpec = { type: 'string', valueName: 'FILE', description: 'configuration file (default uapi.config.json when present)' };

/** The project's configuration (validated; errors are a UserError, exit 2). */
export function projectConfig(ctx: CommandContext): Config {
  const r = loadConfig(ctx.io.cwd, ctx.values['config'] as string | undefined);
  if (r.config === undefined) throw new UserError(r.issues);
  return r.config;
}

/** A uAPI to work on and the argument that names it (for messages and reproduce commands). */
export interface Target {
  readonly uapi: LoadedUapi;
  readonly argument: string;
  readonly folder: string | undefined;
}

async function loadEntry(ctx: CommandContext, config: Config, entry: UapiEntry): Promise<Target> {
  const rel = entry.spec ?? entry.header ?? '';
  const argument = path.relative(ctx.io.cwd, path.resolve(config.root, rel)) || '.';
  const r = await loadUapi(argument, { includeDirs: entry.include.map((d) => path.resolve(config.root, d)), cwd: ctx.io.cwd });
  if (r.uapi === undefined) throw new UserError(r.issues);
  for (const i of r.issues) ctx.io.err(`${formatIssue(i)}\n`);
  // Waivers (accepted-changes.json) sit beside the spec: in its folder, or next to a single spec file.
  const specPath = entry.spec !== undefined ? path.resolve(config.root, entry.spec) : undefined;
  const folder = specPath !== undefined && fs.existsSync(specPath) && !fs.statSync(specPath).isDirectory() ? path.dirname(specPath) : specPath;
  return { uapi: r.uapi, argument, folder };
}

/**
 * The uAPIs a project-wide command covers: those named on the command line, else those of the
 * configuration (which defaults to every folder under specs/).
 */
export async function projectTargets(ctx: CommandContext, config: Config): Promise<Target[]> {
  const entries: UapiEntry[] = ctx.positionals.length > 0
    ? ctx.positionals.map((p) => (p.endsWith('.h') ? { name: path.basename(p, '.h'), header: p, include: includeDirsOf(ctx) } : { name: path.basename(p), spec: p, include: [] }))
    : [...config.uapis];
  const root = ctx.positionals.length > 0 ? { ...config, root: ctx.io.cwd } : config;
  const out: Target[] = [];
  for (const e of entries) out.push(await loadEntry(ctx, root, e));
  return out;
}
