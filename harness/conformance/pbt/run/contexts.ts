import { compatKernelAbi } from '../../../../emulator/device/create-device';
import type { MutationId } from '../../../../emulator/mutations';
import type { Abi } from '../../../core/layout/abi';
import type { Spec } from '../../../core/model/model';
import type { DeviceUnderTest } from '../../devices/device-under-test';
import type { SuiteContext, SuiteProperty } from '../properties/suite-property';
import type { IoctlCounter } from '../world/system';

export interface ContextOptions {
  readonly spec: Spec;
  readonly deviceSpec?: Spec;
  readonly abis: readonly Abi[];
  readonly mutations?: readonly MutationId[];
  readonly counter: IoctlCounter;
  /** The device under test (default: the emulated habanalabs core). */
  readonly device?: DeviceUnderTest;
}

/**
 * Pairs for the pair-wise properties: each 64-bit ABI with the 32-bit ABIs the selection holds whose
 * processes it serves as a compat kernel (x86_64 with i386, aarch64 with arm).
 */
export function abiPairs(abis: readonly Abi[]): [Abi, Abi][] {
  const out: [Abi, Abi][] = [];
  for (const a of abis) for (const b of abis) if (a !== b && b.pointerBytes === 4 && compatKernelAbi(b) === a) out.push([a, b]);
  return out;
}

/** The contexts a property runs in: one per ABI, or one per ABI pair (the first ABI alone when there is none). */
export function contextsFor(p: SuiteProperty, o: ContextOptions): SuiteContext[] {
  const base = { spec: o.spec, deviceSpec: o.deviceSpec ?? o.spec, mutations: o.mutations ?? [], counter: o.counter, ...(o.device !== undefined ? { device: o.device } : {}) };
  if (p.abis === 'each') return o.abis.map((abi) => ({ ...base, abi, mirror: undefined }));
  const pairs = abiPairs(o.abis);
  if (pairs.length > 0) return pairs.map(([abi, mirror]) => ({ ...base, abi, mirror }));
  const first = o.abis[0];
  return first === undefined ? [] : [{ ...base, abi: first, mirror: undefined }];
}
