import { createDevice } from '../../../../emulator/device/create-device';
import { findAbi, type Abi } from '../../../core/layout/abi';
import type { Spec } from '../../../core/model/model';

/** The quick suite's ABIs: the 64-bit one and its 32-bit compat ABI (D13 compares them). */
export const QUICK_ABI_NAMES: readonly string[] = ['x86_64', 'i386'];

/**
 * The ABIs to run the suite on, from a selection: the quick pair's members that are selected (all
 * the selection when it holds neither, so that `--abi aarch64,arm` runs those), at least one.
 */
export function suiteAbis(selected: readonly Abi[] | undefined): Abi[] {
  const quick = QUICK_ABI_NAMES.map((n) => findAbi(n) as Abi);
  if (selected === undefined || selected.length === 0) return quick;
  const both = quick.filter((a) => selected.includes(a));
  return both.length > 0 ? both : [...selected];
}

/** Why the emulated core cannot implement this spec (a type or constant it needs is missing), or undefined. */
export function emulatorProblem(spec: Spec): string | undefined {
  const { device, issues } = createDevice({ spec });
  return device === undefined ? issues.filter((i) => i.severity === 'error').map((i) => `${i.path}: ${i.message}`).join('; ') : undefined;
}
