import type { SuiteProperty } from '../../pbt/properties/suite-property';
import { emulatorProblem } from '../../pbt/run/suite-setup';
import type { DeviceUnderTest } from '../device-under-test';
import { buildStage, kindsOutOfReach } from './stage';
import { modelSequences } from './model/model-property';
import { freshMemory } from './scenarios/fresh-memory';
import { submissionTimeout } from './scenarios/submission-timeout';

/**
 * The habanalabs accel driver as the emulated core (emulator/) serves it: opened at the accel nodes,
 * its stage (command buffers, device memory, mapped host memory, a submission, a timestamp buffer
 * and a block, with stale and foreign handles), and what only it has: the stateful model of the
 * driver and two scenarios.
 */
export const HABANALABS: DeviceUnderTest = {
  name: 'the emulated habanalabs core',
  nodes: { compute: '/dev/accel/accel0', control: '/dev/accel/accel_controlD0' },
  problem: emulatorProblem,
  recipe: buildStage,
  outOfReach: kindsOutOfReach,
  properties: [modelSequences as SuiteProperty, freshMemory as SuiteProperty, submissionTimeout as SuiteProperty],
};
