import * as fc from 'fast-check';
import { errnoName } from '../../../../../emulator/errno';
import { packets } from '../../../../../emulator/device/packets';
import { ensure } from '../../../pbt/rules';
import type { SuiteContext, SuiteProperty } from '../../../pbt/properties/suite-property';
import { specFacts } from '../../../pbt/spec-facts/spec-facts';
import { Script, scriptProblem } from './script';
import { bool, int, object } from '../../../pbt/data/data-schema';

/** A submission that can never finish, with a custom timeout, waited for up to just before and just after it. */
export interface TimeoutCase {
  readonly seconds: number;
  /** µs before the deadline the first wait ends (at least 1). */
  readonly early: number;
  readonly skipReset: boolean;
}

const definesConstant = (ctx: SuiteContext, name: string): boolean => ctx.spec.constants.some((c) => c.name === name);

/** Whether the client's hl_cs_in carries a timeout (the field the custom timeout travels in). */
const hasCsTimeoutField = (ctx: SuiteContext): boolean =>
  specFacts(ctx.spec, ctx.abi).ioctl('DRM_IOCTL_HL_CS')?.input?.sites.some((x) => x.key === 'timeout') === true;

/** Timeouts around the 32-bit millisecond limit (2^32 ms is 4294967.296 s), and small ones. */
const SECONDS = [1, 2, 3, 7, 30, 4294967, 4294968, 4295000, 2 ** 31, 2 ** 32 - 1];

/**
 * D9/D8: a submission's custom timeout (hl_cs_in.timeout seconds with HL_CS_FLAGS_CUSTOM_TIMEOUT)
 * holds exactly on the virtual clock, whatever its size: a wait that ends before the deadline finds
 * the submission still busy (and slept exactly as asked), one that reaches past it finds it timed out.
 */
export const submissionTimeout: SuiteProperty<TimeoutCase> = {
  id: 'D9/time-inputs-validated',
  states: 'a stuck submission with a custom timeout of T seconds is busy until T and timed out after, for T up to 2^32-1',
  abis: 'each',
  skip: (ctx) => scriptProblem(ctx, ['DRM_IOCTL_HL_CS', 'DRM_IOCTL_HL_CB', 'DRM_IOCTL_HL_WAIT_CS'],
    ['HL_CB_OP_CREATE', 'HL_CS_FLAGS_CUSTOM_TIMEOUT', 'HL_WAIT_CS_STATUS_BUSY', 'HL_WAIT_CS_STATUS_TIMEDOUT', 'HL_WAIT_CS_STATUS_COMPLETED'])
    ?? (hasCsTimeoutField(ctx) ? undefined : 'the scenario needs hl_cs_in.timeout, which the spec\'s hl_cs_in does not have'),
  // Without HL_CS_FLAGS_SKIP_RESET_ON_TIMEOUT a client cannot ask for it: every case resets.
  arbitrary: (ctx) => fc.record({
    seconds: fc.constantFrom(...SECONDS), early: fc.integer({ min: 1, max: 999_999 }),
    skipReset: definesConstant(ctx, 'HL_CS_FLAGS_SKIP_RESET_ON_TIMEOUT') ? fc.boolean() : fc.constant(false),
  }),
  check(ctx, c) {
    const s = new Script(ctx, 1);
    s.open(0);
    const cfg = s.system.device.config;
    const flags = s.k('HL_CS_FLAGS_CUSTOM_TIMEOUT') | (c.skipReset ? s.k('HL_CS_FLAGS_SKIP_RESET_ON_TIMEOUT') : 0);
    // A fence on the last sync object, which nothing signals.
    const sub = s.submit(0, packets().fence(cfg.syncObjects - 1, 1).bytes(), s.queue, flags, c.seconds);
    s.must('CS submit with a custom timeout', sub.errno);
    const first = BigInt(c.seconds) * 1_000_000n - BigInt(Math.min(c.early, c.seconds * 1_000_000 - 1));
    const busy = s.wait(0, sub.seq, first);
    ensure(busy.errno === 0 && busy.status === s.k('HL_WAIT_CS_STATUS_BUSY'), 'D9/time-inputs-validated', () => `a submission with a ${c.seconds} s timeout gave ${errnoName(busy.errno)} status ${busy.status} after ${first} µs, before its deadline`);
    ensure(busy.elapsed === Number(first) * 1000, 'D8/wait-honours-timeout', () => `a wait of ${first} µs on a busy submission let ${busy.elapsed} ns pass`);
    const rest = BigInt(c.early) + 2n;
    const done = s.wait(0, sub.seq, rest);
    const timedOut = s.system.facts.ioctl('DRM_IOCTL_HL_WAIT_CS')?.errnoOf('timeout') ?? 0;
    ensure(done.errno === timedOut && done.status === s.k('HL_WAIT_CS_STATUS_TIMEDOUT'), 'D9/time-inputs-validated', () => `a submission with a ${c.seconds} s timeout gave ${errnoName(done.errno)} status ${done.status} ${rest} µs later, past its deadline`);
    ensure(done.elapsed <= Number(rest) * 1000, 'D8/wait-honours-timeout', () => `a wait of ${rest} µs let ${done.elapsed} ns pass`);
  },
  toData: (c) => c,
  fromData: (d) => d as TimeoutCase,
  dataSchema: () => object({ seconds: int(0, 2 ** 32 - 1), early: int(1, 999_999), skipReset: bool }),
};
