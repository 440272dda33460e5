import { createDevice } from '../../../../emulator/device/create-device';
import { findAbi, type Abi } from '../../../core/layout/abi';
import type { Spec } from '../../../core/model/model';
import { firstFew } from '../../../core/util/first-few';

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

/**
 * Why the emulated core cannot implement this spec, or undefined: the first few types and constants
 * it needs that the spec lacks, and how many more (another driver's spec lacks about 130 of them).
 */
export function emulatorProblem(spec: Spec): string | undefined {
  const { device, issues } = createDevice({ spec });
  if (device !== undefined) return undefined;
  const errors = issues.filter((i) => i.severity === 'error');
  return `needs ${firstFew(errors.map((i) => i.path))}, which ${spec.name} ${spec.version} does not define`;
}
