import { issue } from '../core/diagnostics/issue';
import { UserError } from '../core/diagnostics/user-error';
import { formatIssue } from '../core/diagnostics/format';
import { parseAbiList, abiNames, type Abi } from '../core/layout/abi';
import { loadUapi, type LoadedUapi } from '../contract/load/load-uapi';
import type { CommandContext, OptionSpec } from './command';

export const abiOption: OptionSpec = { type: 'string', valueName: 'A,B|all', description: 'ABIs to cover (default all eight)' };
export const includeOption: OptionSpec = {
  type: 'string', short: 'I', multiple: true, valueName: 'DIR',
  description: "include directory for header import, before the header's own tree and the system ones",
};
export const oldIncludeOption: OptionSpec = { type: 'string', multiple: true, valueName: 'DIR', description: 'include directory for the old side only, searched before the -I ones' };
export const newIncludeOption: OptionSpec = { type: 'string', multiple: true, valueName: 'DIR', description: 'include directory for the new side only, searched before the -I ones' };

/** The `-I` folders, for every side. */
export function includeDirsOf(ctx: CommandContext): string[] {
  return (ctx.values['include'] as string[] | undefined) ?? [];
}
export function formatOption(formats: readonly string[]): OptionSpec {
  return { type: 'string', valueName: formats.join('|'), description: `output format (default ${formats[0] ?? 'text'})` };
}

/** An integer option (`--name N`) of at least `min`; a usage error otherwise. */
export function intOption(ctx: CommandContext, name: string, min = 0): number | undefined {
  const v = ctx.values[name];
  if (v === undefined) return undefined;
  const n = typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min) throw new UserError([issue('USAGE_NUMBER', `--${name}`, `expected an integer of at least ${min}, got ${String(v)}`)]);
  return n;
}

export function selectedAbis(ctx: CommandContext): readonly Abi[] {
  const { abis, unknown } = parseAbiList(ctx.values['abi'] as string | undefined);
  if (unknown.length > 0 || abis.length === 0) {
    throw new UserError([issue('USAGE_ABI', '--abi', `unknown ABI ${unknown.join(', ') || '(none given)'}; known: ${abiNames().join(', ')}, or all`)]);
  }
  return abis;
}

export function selectedFormat<F extends string>(ctx: CommandContext, formats: readonly F[]): F {
  const f = (ctx.values['format'] as string | undefined) ?? formats[0];
  if (f === undefined || !(formats as readonly string[]).includes(f)) {
    throw new UserError([issue('USAGE_FORMAT', '--format', `unknown format ${f ?? ''}; one of ${formats.join(', ')}`)]);
  }
  return f as F;
}

/** Loads a uAPI argument; invalid input becomes a UserError (exit 2), warnings go to stderr. */
export async function loadOrFail(ctx: CommandContext, argument: string): Promise<LoadedUapi> {
  const includeDirs = includeDirsOf(ctx);
  const r = await loadUapi(argument, { includeDirs, cwd: ctx.io.cwd });
  if (r.uapi === undefined) throw new UserError(r.issues);
  for (const i of r.issues) ctx.io.err(`${formatIssue(i)}\n`);
  return r.uapi;
}

/**
 * Several uAPI arguments loaded side by side: header imports start their clang processes at once
 * (on a machine with more than one core both sides of a diff are compiled in the time of one).
 * Warnings are printed in argument order once all are loaded; when any fails, the issues of every
 * failed argument, in argument order, become the UserError. `ownDirs[i]` are include folders for
 * argument i only (`--old-include`), searched before the `-I` ones.
 */
export async function loadAllOrFail(ctx: CommandContext, argumentList: readonly string[], ownDirs: readonly (readonly string[])[] = []): Promise<LoadedUapi[]> {
  const common = includeDirsOf(ctx);
  const results = await Promise.all(argumentList.map((a, i) => loadUapi(a, { includeDirs: [...(ownDirs[i] ?? []), ...common], cwd: ctx.io.cwd })));
  const failed = results.filter((r) => r.uapi === undefined);
  if (failed.length > 0) throw new UserError(failed.flatMap((r) => r.issues));
  for (const r of results) for (const i of r.issues) ctx.io.err(`${formatIssue(i)}\n`);
  return results.map((r) => r.uapi as LoadedUapi);
}
