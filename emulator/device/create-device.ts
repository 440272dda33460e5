import { issue, type Issue } from '../../harness/core/diagnostics/issue';
import { findAbi, type Abi } from '../../harness/core/layout/abi';
import type { Spec } from '../../harness/core/model/model';
import { IOCTL_HANDLERS } from '../ioctls';
import type { IoctlHandler } from '../kernel/ioctl-handler';
import { KernelView } from '../kernel/kernel-view';
import { resolveConstants } from '../kernel/spec-constants';
import { mutationSet, type MutationId, type Mutations } from '../mutations';
import { DEFAULT_CONFIG, type DeviceConfig } from './config';
import { Device } from './device';

export interface DeviceOptions {
  /**
   * The uAPI the driver implements (specs/habanalabs, Linux 6.12, or an older or patched version of
   * it). Required: the emulator serves a spec, it does not pick one; choosing the default spec is the
   * caller's wiring (the conformance suite's setup, tests, examples), so loading the emulator never
   * loads a spec module.
   */
  readonly spec: Spec;
  /** Overrides of the emulated hardware (sizes, queues, limits). */
  readonly config?: Partial<DeviceConfig>;
  /** Behavioural mutations to switch on (see MUTATIONS). */
  readonly mutations?: Iterable<MutationId> | Mutations;
  /**
   * The kernel ABI that serves a process of a given ABI. Default: a 32-bit process is a compat task
   * of the 64-bit kernel of its architecture (i386 → x86_64, arm → aarch64), which reads driver
   * structs with its own layout, as Linux does for DRM driver ioctls (no compat translation).
   */
  readonly kernelAbiOf?: (processAbi: Abi) => Abi;
  /** Replaces the ioctl handlers (tests of the dispatch table). */
  readonly handlers?: readonly IoctlHandler[];
}

const COMPAT_HOST: Readonly<Record<string, string>> = { i386: 'x86_64', arm: 'aarch64' };

/** The default `kernelAbiOf`: the 64-bit kernel of a 32-bit process's architecture, else its own ABI. */
export function compatKernelAbi(processAbi: Abi): Abi {
  const host = COMPAT_HOST[processAbi.name];
  return (host !== undefined ? findAbi(host) : undefined) ?? processAbi;
}

function checkConfig(c: DeviceConfig): Issue[] {
  const out: Issue[] = [];
  const bad = (field: string, why: string): void => { out.push(issue('EMULATOR_CONFIG', `config.${field}`, why)); };
  const pow2 = (n: number): boolean => Number.isInteger(n) && n > 0 && (n & (n - 1)) === 0;
  if (!pow2(c.dramPageSize / 65536) || c.dramPageSize < 65536) bad('dramPageSize', 'must be a power of two of at least 64 KiB');
  if (!pow2(c.maxDramPageSize / c.dramPageSize)) bad('maxDramPageSize', 'must be a power-of-two multiple of dramPageSize');
  if (c.dramSize % c.dramPageSize !== 0 || c.reservedDramSize >= c.dramSize) bad('dramSize', 'must be a multiple of dramPageSize and larger than reservedDramSize');
  if (c.registerFileSize % 4 !== 0 || c.securedRegisterBase > c.registerFileSize) bad('registerFileSize', 'must be a multiple of 4 holding securedRegisterBase');
  if (c.queues.some((q, i) => q.id !== i)) bad('queues', 'queue ids must be 0, 1, 2, ... in order');
  if (c.firstUserSyncObject >= c.syncObjects) bad('firstUserSyncObject', 'must be below syncObjects');
  return out;
}

/**
 * Creates an emulated device. Problems with the spec (a type or constant the driver needs is
 * missing) or the configuration come back as issues, with no device.
 */
export function createDevice(options: DeviceOptions): { device?: Device; issues: Issue[] } {
  const spec = options.spec;
  const config: DeviceConfig = { ...DEFAULT_CONFIG, ...options.config };
  const mutations = options.mutations !== undefined && !isMutations(options.mutations) ? mutationSet(options.mutations) : (options.mutations ?? mutationSet());
  const issues = checkConfig(config);
  const constants = resolveConstants(spec);
  issues.push(...constants.issues);
  const handlers = options.handlers ?? IOCTL_HANDLERS;
  const kernelAbiOf = options.kernelAbiOf ?? compatKernelAbi;
  const x86_64 = findAbi('x86_64') as Abi;
  const first = KernelView.create(spec, kernelAbiOf(x86_64), handlers, mutations);
  issues.push(...first.issues);
  if (constants.constants === undefined || first.view === undefined || issues.some((i) => i.severity === 'error')) return { issues };
  const device = new Device({ spec, config, mutations, constants: constants.constants, handlers, kernelAbiOf }, first.view);
  return { device, issues };
}

function isMutations(m: Iterable<MutationId> | Mutations): m is Mutations {
  return !(Symbol.iterator in m);
}
