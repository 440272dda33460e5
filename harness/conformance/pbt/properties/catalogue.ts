import { modelSequences } from '../model/model-property';
import { freshMemory } from '../scenarios/fresh-memory';
import { submissionTimeout } from '../scenarios/submission-timeout';
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
 * The conformance suite, in the order it runs: the argument-level properties derived from the spec's
 * annotations first (cheap, one call each), then the stateful model, then the scenarios and the ABI
 * comparison. Ids are stable: failure files and the regression corpus name properties by them.
 */
export const SUITE: readonly SuiteProperty[] = [
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
  modelSequences as SuiteProperty,
  freshMemory as SuiteProperty,
  submissionTimeout as SuiteProperty,
  abiPair as SuiteProperty,
];

export function findProperty(id: string): SuiteProperty | undefined {
  return SUITE.find((p) => p.id === id);
}
