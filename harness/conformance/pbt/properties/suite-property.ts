import type * as fc from 'fast-check';
import type { MutationId } from '../../../../emulator/mutations';
import type { Abi } from '../../../core/layout/abi';
import type { Spec } from '../../../core/model/model';
import type { DeviceUnderTest } from '../../devices/device-under-test';
import type { Check } from '../data/data-schema';
import type { IoctlCounter } from '../world/system';

/** What one run of the suite is about: which specs, which ABI, which emulator mutations. */
export interface SuiteContext {
  /** The client's spec: the arguments and the expected errnos are derived from it. */
  readonly spec: Spec;
  /** The spec the emulated driver implements (usually the same; an older client's is not). */
  readonly deviceSpec: Spec;
  /** The ABI of the calling processes. */
  readonly abi: Abi;
  /** The other ABI of a pair-wise property (the 32-bit compat ABI for D13). */
  readonly mirror: Abi | undefined;
  readonly mutations: readonly MutationId[];
  readonly counter: IoctlCounter;
  /** The device under test (default: the emulated habanalabs core). */
  readonly device?: DeviceUnderTest;
  /** fast-check's replayPath when a stateful property replays a counterexample. */
  readonly replayPath?: string;
}

/**
 * One property of the suite. Its input is plain data (so that a counterexample can be written to a
 * failure file and replayed exactly); `check` throws a Violation naming the broken rule.
 */
export interface SuiteProperty<T = unknown> {
  /** Stable id, e.g. `D1/nonzero-pad-rejected`; with the ABI it names the property in reports. */
  readonly id: string;
  /** One line: what the property states. */
  readonly states: string;
  /** `each`: runs once per ABI; `pair`: once per ABI pair, comparing the two. */
  readonly abis: 'each' | 'pair';
  /** Built on fc.commands: replaying a shrunk counterexample needs fast-check's replayPath too. */
  readonly stateful?: boolean;
  /** Why the property cannot run for this context (nothing in the spec to test), or undefined. */
  skip(ctx: SuiteContext): string | undefined;
  arbitrary(ctx: SuiteContext): fc.Arbitrary<T>;
  check(ctx: SuiteContext, input: T): void;
  /** Counterexamples to and from JSON-able data (bigints allowed: the writer tags them). */
  toData(input: T): unknown;
  fromData(data: unknown): T;
  /**
   * What a counterexample of this property is, as data for the context's spec (every key, every
   * value in range for its field): `uapi replay` checks a failure file's counterexample with it
   * before running anything, so that a damaged file is an error, not a result.
   */
  dataSchema(ctx: SuiteContext): Check;
}

/** The name a property runs under: its id and the ABI (or ABI pair). */
export function propertyName(p: SuiteProperty, ctx: SuiteContext): string {
  return p.abis === 'pair' && ctx.mirror !== undefined ? `${p.id} [${ctx.abi.name} vs ${ctx.mirror.name}]` : `${p.id} [${ctx.abi.name}]`;
}
