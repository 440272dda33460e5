import type { BackendName } from '../../core/boundary/process';
import type { Spec } from '../../core/model/model';
import type { DeviceUnderTest } from './device-under-test';
import { HABANALABS } from './habanalabs/device';
import { userfaultfdDevice } from './userfaultfd/device';

export { USERFAULTFD_NODE } from './userfaultfd/device';
export type { DeviceUnderTest, Stage, HandlesByKind, MappedHost, RecipeOptions } from './device-under-test';

/** The devices under test the harness has, in the order a spec is offered to them. */
export const DEVICES: readonly DeviceUnderTest[] = [HABANALABS];

/**
 * The devices of a backend: the emulated ones above, or the real kernel's through the native
 * executor (`node`: the path `--device` names instead of the recipe's own).
 */
export function devicesOf(backend: BackendName, node?: string): readonly DeviceUnderTest[] {
  return backend === 'emulated' ? DEVICES : [userfaultfdDevice(node)];
}

/** The device the suite runs against when none is named (the emulated habanalabs core). */
export const DEFAULT_DEVICE: DeviceUnderTest = HABANALABS;

/** The first device that serves `spec`, or why none does (each device's name and short reason). */
export function deviceFor(spec: Spec, devices: readonly DeviceUnderTest[] = DEVICES): { device?: DeviceUnderTest; problem?: string } {
  const problems: string[] = [];
  for (const d of devices) {
    const problem = d.problem(spec);
    if (problem === undefined) return { device: d };
    problems.push(`${d.name} ${problem}`);
  }
  return { problem: problems.join('; ') };
}

/**
 * The device `backend` runs `spec` on, or why there is none. On the emulated backend, a uAPI only a
 * native device speaks says so (`--backend native not given`), so that the way to test it is named.
 */
export function deviceOnBackend(spec: Spec, backend: BackendName, node?: string): { device?: DeviceUnderTest; problem?: string } {
  const r = deviceFor(spec, devicesOf(backend, node));
  if (r.device !== undefined || backend === 'native') return r;
  const native = deviceFor(spec, devicesOf('native', node)).device;
  return native === undefined ? r : { problem: `--backend native not given (${native.name} speaks it); ${r.problem ?? ''}` };
}
