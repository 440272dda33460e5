import * as path from 'node:path';
import type { CommandContext } from '../cli/command';
import { loadOrFail, selectedAbis } from '../cli/shared-options';
export { intOption } from '../cli/shared-options';
import { projectConfig } from '../cli/targets';
import type { Config } from '../contract/config';
import { issue } from '../core/diagnostics/issue';
import { UserError } from '../core/diagnostics/user-error';
import type { Abi } from '../core/layout/abi';
import type { Spec } from '../core/model/model';
import { MUTATION_IDS, parseMutations, type MutationId } from '../../emulator/mutations';
import type { Release } from '../contract/release/releases';
import { readReleasesOrFail } from './read-releases';
import { suiteAbis } from '../conformance/pbt/run/suite-setup';
import { deviceOnBackend, type DeviceUnderTest } from '../conformance/devices';
import type { BackendName } from '../core/boundary/process';
import { selectedBackend } from './backend-option';

/** The uAPI a suite command works on, how it was named, and the project's configuration. */
export interface SuiteTarget {
  readonly spec: Spec;
  readonly argument: string;
  readonly config: Config;
  readonly snapshotsRoot: string;
  /** The device under test on the backend `--backend` names, the backend, and the node `--device` named. */
  readonly device: DeviceUnderTest;
  readonly backend: BackendName;
  readonly node?: string;
}

/**
 * The uAPI named by `argument`, or else the first uAPI of the configuration that a device under test
 * of the chosen backend speaks (`--backend`, default `fallback`: emulated). A uAPI none speaks is a
 * usage error naming the first things missing (or that `--backend native` was not given).
 */
export async function suiteTarget(ctx: CommandContext, argument: string | undefined, fallback: BackendName = 'emulated'): Promise<SuiteTarget> {
  const { backend, node } = selectedBackend(ctx, fallback);
  const config = projectConfig(ctx);
  const snapshotsRoot = path.resolve(config.root, config.snapshots);
  const candidates = argument !== undefined ? [argument] : config.uapis.flatMap((u) => (u.spec !== undefined ? [path.relative(ctx.io.cwd, path.resolve(config.root, u.spec)) || '.'] : []));
  if (candidates.length === 0) throw new UserError([issue('PBT_NO_UAPI', 'specs/', 'no uAPI to run the suite on: name a spec folder')]);
  const problems: string[] = [];
  for (const arg of candidates) {
    const { spec } = await loadOrFail(ctx, arg);
    const { device, problem } = deviceOnBackend(spec, backend, node);
    if (device !== undefined) return { spec, argument: arg, config, snapshotsRoot, device, backend, ...(node !== undefined ? { node } : {}) };
    problems.push(candidates.length > 1 ? `${arg}: ${problem ?? ''}` : problem ?? '');
  }
  throw new UserError([issue('PBT_NOT_EMULATED', candidates.join(', '), `no device under test speaks this uAPI on the ${backend} backend (${problems.join('; ')})`)]);
}

/** The ABIs of `--abi` (default: the quick pair x86_64 and i386). */
export function suiteAbisOf(ctx: CommandContext): Abi[] {
  return suiteAbis(ctx.values['abi'] === undefined ? undefined : selectedAbis(ctx));
}

/** A non-negative integer option; undefined when absent, a usage error when malformed. */
/** The mutation ids of repeated `--mutation` options (all of the catalogue when none and `allWhenNone`). */
export function mutationOption(ctx: CommandContext, allWhenNone: boolean): MutationId[] {
  const given = (ctx.values['mutation'] as string[] | undefined) ?? [];
  if (given.length === 0) return allWhenNone ? [...MUTATION_IDS] : [];
  const { mutations, unknown } = parseMutations(given);
  if (unknown.length > 0) throw new UserError([issue('USAGE_MUTATION', '--mutation', `unknown mutation ${unknown.join(', ')}; known: ${MUTATION_IDS.join(', ')}`)]);
  return MUTATION_IDS.filter((id) => mutations[id]);
}

/**
 * The client spec of a cross-version run: with `--release V`, the frozen spec of release V of the
 * target's uAPI (old userspace, run against the working spec's core); without it, the target's own.
 */
export function clientSpecOf(ctx: CommandContext, t: SuiteTarget): { client: Spec; release?: string } {
  const version = ctx.values['release'] as string | undefined;
  if (version === undefined) return { client: t.spec };
  const releases = readReleasesOrFail(ctx, t.snapshotsRoot, t.spec.name);
  const r = releaseNamed(releases, version, `${t.spec.name} in ${t.snapshotsRoot}`);
  return { client: r.spec, release: r.version };
}

/** The release `--release` names among `releases` (of `owner`, for the message); a usage error when there is none. */
export function releaseNamed(releases: readonly Release[], version: string, owner: string): Release {
  const r = releases.find((x) => x.version === version);
  if (r === undefined) {
    throw new UserError([issue('USAGE_RELEASE', '--release', `${owner} has no release ${version} (releases: ${releases.map((x) => x.version).join(', ') || 'none'})`)]);
  }
  return r;
}

/** The `--release` option of the suite commands. */
export const releaseOption = {
  type: 'string', valueName: 'V',
  description: 'run as the userspace of frozen release V (its spec from snapshots/<uapi>/V/) against the working spec\'s core',
} as const;
