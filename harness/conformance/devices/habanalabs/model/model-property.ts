import * as fc from 'fast-check';
import { ensure, Violation } from '../../../pbt/rules';
import type { SuiteContext, SuiteProperty } from '../../../pbt/properties/suite-property';
import { specFacts } from '../../../pbt/spec-facts/spec-facts';
import { SUITE_CONFIG } from '../../../pbt/world/suite-config';
import { System } from '../../../pbt/world/system';
import { commandArbitraries } from './commands/arbitraries';
import type { CommandData } from './commands/data';
import { HANDLERS, ModelCommand, type World } from './commands';
import { learnEnv } from './env';
import { bareMinimumMissing, modelReach, type ModelReach } from './reach';
import { Side, type Real } from './real';
import { freshSlot, type ModelState } from './state';
import { modelCommandsSchema } from '../../../pbt/data/model-schema';

type Commands = Iterable<fc.Command<World, Real>>;

const SLOTS = 3;

/** A device per ABI (the one under test and its mirror), slots 0 and 1 open, the environment learned. */
function setup(ctx: SuiteContext): { model: World; real: Real } {
  const abis = ctx.mirror !== undefined ? [ctx.abi, ctx.mirror] : [ctx.abi];
  const sides = abis.map((abi) => {
    const { system, issues } = System.create({ spec: ctx.spec, deviceSpec: ctx.deviceSpec, abi, mutations: ctx.mutations, counter: ctx.counter, config: SUITE_CONFIG, slots: SLOTS });
    if (system === undefined) throw new Violation('D14/model-expected-result', `no device: ${issues.map((i) => i.message).join('; ')}`);
    for (const i of [0, 1]) {
      const rc = system.open(system.slot(i));
      ensure(rc === 0, 'D14/model-expected-result', () => `open of slot ${i} failed with errno ${rc}`);
    }
    return new Side(system);
  });
  const envs = sides.map((s) => learnEnv(s));
  const env = envs[0];
  if (env === undefined) throw new Error('no side');
  for (const other of envs.slice(1)) {
    ensure(other.dramFree === env.dramFree && other.pageSize === env.pageSize && other.firstUserSob === env.firstUserSob,
      'D13/32-bit-abi-same-result', () => 'INFO reports another device on the mirror ABI');
  }
  const slots = Array.from({ length: SLOTS }, (_, i) => ({ ...freshSlot(), open: i < 2 }));
  const state: ModelState = { slots, dramFree: env.dramFree, computeOpen: 2, dead: [], submissions: 0, held: [] };
  const real: Real = { sides };
  // Something of everything the client can make in both open files, so that the first commands
  // already have buffers, memory and mappings to use (made through the handlers: their expectations
  // are checked too). An older client without HL_CB_FLAGS_MAP makes its second buffer unmapped.
  const x = { m: state, r: real, env };
  const can = env.reach.ops;
  for (const slot of [0, 1]) {
    HANDLERS.cbCreate.run(x, { op: 'cbCreate', slot, size: 4096, map: false, badBit: null });
    HANDLERS.cbCreate.run(x, { op: 'cbCreate', slot, size: 4096, map: env.reach.cbMap, badBit: null });
    if (can.has('mapHost')) HANDLERS.mapHost.run(x, { op: 'mapHost', slot, size: 65536, readOnly: false, fault: 'none' });
    // Slot 1 maps one more host buffer ...
    if (slot === 1 && can.has('mapHost')) HANDLERS.mapHost.run(x, { op: 'mapHost', slot, size: 8192, readOnly: false, fault: 'none' });
    HANDLERS.memAlloc.run(x, { op: 'memAlloc', slot, size: 'page', page: 'default', contiguous: false });
    if (can.has('mapDevice')) HANDLERS.mapDevice.run(x, { op: 'mapDevice', slot, ref: { from: 'own', pick: 0 } });
    // ... and slot 0 one more allocation: each file has an address the other does not map.
    if (slot === 0) {
      HANDLERS.memAlloc.run(x, { op: 'memAlloc', slot, size: 'page', page: 'default', contiguous: false });
      if (can.has('mapDevice')) HANDLERS.mapDevice.run(x, { op: 'mapDevice', slot, ref: { from: 'own', pick: 1 } });
    }
  }
  return { model: { state, env }, real };
}

/** The commands the client's spec reaches, each as often as its weight says. */
function commandArbs(reach: ModelReach): fc.Arbitrary<fc.Command<World, Real>>[] {
  const weights: { readonly [K in CommandData['op']]?: number } = { submit: 4, wait: 3, info: 2, mapHost: 2, memAlloc: 2, cbCreate: 2, mapDevice: 2, waitMulti: 2 };
  const arbs = commandArbitraries(reach);
  return (Object.keys(arbs) as CommandData['op'][]).filter((op) => reach.ops.has(op)).flatMap((op) => {
    const arb = (arbs[op] as fc.Arbitrary<CommandData>).map((d) => new ModelCommand(d), (c) => (c as ModelCommand).data);
    return Array.from({ length: weights[op] ?? 1 }, () => arb);
  });
}

/**
 * The stateful model-based property: sequences of up to 40 commands over three process slots (two
 * open at the start, a third to reach the open limit), run on the device of the ABI under test and,
 * in lockstep, on its mirror ABI's (every observation must be the same: D13). Each command checks
 * its own expectations against the model; the invariants run after every one.
 */
export const modelSequences: SuiteProperty<Commands> = {
  id: 'model/command-sequences',
  states: 'sequences of CB, memory, submission, wait, INFO, open and close calls on several files behave as the model predicts, identically on both ABIs',
  abis: 'pair',
  stateful: true,
  skip(ctx) {
    const missing = bareMinimumMissing(specFacts(ctx.spec, ctx.abi));
    return missing.length > 0 ? `the model needs at least ${missing.join(', ')}, which the spec does not define` : undefined;
  },
  arbitrary: (ctx) => fc.commands(commandArbs(modelReach(specFacts(ctx.spec, ctx.abi))), { maxCommands: 40, size: 'max', ...(ctx.replayPath !== undefined ? { replayPath: ctx.replayPath } : {}) }),
  check(ctx, cmds) {
    fc.modelRun(() => setup(ctx), cmds);
  },
  // fast-check hands back its wrappers: the commands that ran are the counterexample (skipped ones change nothing).
  toData: (cmds) => [...cmds].flatMap((c) => {
    const w = c as unknown as { cmd?: ModelCommand; hasRan?: boolean };
    const cmd = w.cmd ?? (c as ModelCommand);
    return w.hasRan === false ? [] : [cmd.data];
  }),
  fromData: (d) => (d as CommandData[]).map((x) => new ModelCommand(x)),
  dataSchema: () => modelCommandsSchema(SLOTS),
};
