import type { DeviceUnderTest } from '../../devices/device-under-test';
import { DEFAULT_DEVICE } from '../../devices';
import { abiPair } from './abi-pair';
import { longerArgument, shorterArgument } from './argument-size';
import { conformingCalls } from './conforming-calls';
import { handleFault } from './handle-fault';
import { pointerFault } from './pointer-fault';
import { flagFault, padFault, valueFault } from './single-fault';
import type { SuiteProperty } from './suite-property';
import { unknownCommand } from './unknown-command';
import { unreadableArgument } from './unreadable-argument';

/**
 * The spec-derived properties, for any device under test: the argument-level properties derived from
 * the spec's annotations (cheap, one call each). Ids are stable: failure files and the regression
 * corpus name properties by them.
 */
export const SPEC_DERIVED: readonly SuiteProperty[] = [
  conformingCalls as SuiteProperty,
  padFault as SuiteProperty,
  flagFault as SuiteProperty,
  valueFault as SuiteProperty,
  handleFault as SuiteProperty,
  pointerFault as SuiteProperty,
  unknownCommand as SuiteProperty,
  unreadableArgument as SuiteProperty,
  shorterArgument as SuiteProperty,
  longerArgument as SuiteProperty,
];

/** The suite for a device, in the order it runs: the spec-derived properties, the device's own (model, scenarios), then the ABI comparison. */
export function suiteOf(device: DeviceUnderTest): readonly SuiteProperty[] {
  return [...SPEC_DERIVED, ...device.properties, abiPair as SuiteProperty];
}

/** The suite against the default device (the emulated habanalabs core). */
export const SUITE: readonly SuiteProperty[] = suiteOf(DEFAULT_DEVICE);

export function findProperty(id: string): SuiteProperty | undefined {
  return SUITE.find((p) => p.id === id);
}
